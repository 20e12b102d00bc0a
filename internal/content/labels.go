package content

import (
	"reflect"
	"slices"
	"strings"

	"callprivacy/internal/site"
)

// labelPlaceholders lists, by their place in labels.yaml, the labels that
// the site fills in and with what. Every other label is shown as written.
var labelPlaceholders = map[string][]string{
	"frame.app_name":                 {"practice"},
	"frame.title":                    {"page", "practice"},
	"frame.policy_dated":             {"date"},
	"frame.shift_count":              {"count", "total"},
	"frame.loading":                  {"progress"},
	"frame.code_example_in":          {"language"},
	"dates.format":                   {"day", "month", "year"},
	"platform.reviewed":              {"date"},
	"platform.stance_line":           {"stance"},
	"platform.consulted":             {"date"},
	"platform.source":                {"title"},
	"questionnaire.progress":         {"n", "total"},
	"questionnaire.change_hidden":    {"question"},
	"questionnaire.result_heading":   {"name"},
	"questionnaire.more_about":       {"name"},
	"questionnaire.criterion_link":   {"label"},
	"questionnaire.declined_heading": {"name"},
	"questionnaire.declined_link":    {"name"},
	"compare.fact":                   {"platform", "value"},
	"questionnaire.printed_on":       {"practice", "date"},
	"intake.overview":                {"url"},
	"intake.platform":                {"name", "url"},
	"intake.joining":                 {"url"},
	"intake.questionnaire":           {"url"},
}

// labelNeeds lists the placeholders a label must hold: without them a
// reader would lose what the label is there to show.
var labelNeeds = map[string][]string{
	"compare.fact": {"platform", "value"},
}

// optionalLabels may be left empty.
var optionalLabels = map[string]bool{}

// labels reads labels.yaml: every word of the frame, the tables and the
// questionnaire's screens.
func (l *loader) labels(s *site.Site) bool {
	file := site.LabelsFile
	var lb site.Labels
	doc, ok := l.yamlFile(file, &lb)
	if !ok {
		return false
	}
	before := len(l.problems)
	walkLabels(reflect.ValueOf(lb), nil, func(path []string, v string) {
		key := strings.Join(path, ".")
		anyPath := make([]any, len(path))
		for i, p := range path {
			anyPath[i] = p
		}
		line := doc.lineAt(anyPath...)
		if strings.TrimSpace(v) == "" && !optionalLabels[key] {
			l.problem(file, line, "%s: missing; every label needs words", key)
			return
		}
		l.placeholders(file, line, key, v, labelPlaceholders[key])
		for _, need := range labelNeeds[key] {
			if !strings.Contains(v, "{"+need+"}") {
				l.problem(file, line, "%s: needs {%s}, or the page would not show it", key, need)
			}
		}
	})
	for _, stance := range stances {
		if lb.Platform.Stances[stance] == "" {
			l.problem(file, doc.lineAt("platform", "stances"), "platform.stances: missing the words for %q", stance)
		}
	}
	for k := range lb.Platform.Stances {
		if !slices.Contains(stances, k) {
			l.problem(file, doc.lineAt("platform", "stances", k), "platform.stances: %q is not a stance (%s)", k, strings.Join(stances, ", "))
		}
	}
	if len(lb.Dates.Months) != 12 {
		l.problem(file, doc.lineAt("dates", "months"), "dates.months: list the twelve months, January first")
	}
	if len(l.problems) > before {
		return false
	}
	s.Labels = lb
	l.labelsDoc = doc
	return true
}

// walkLabels calls fn with every string field of v (a labels struct) and
// its path of YAML keys.
func walkLabels(v reflect.Value, path []string, fn func([]string, string)) {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
			walkLabels(v.Field(i), append(slices.Clone(path), name), fn)
		}
	case reflect.String:
		fn(path, v.String())
	}
}

// placeholders reports every {placeholder} in text that its place does
// not fill in.
func (l *loader) placeholders(file string, line int, where, text string, allowed []string) {
	site.Expand(text, func(name, arg string) (string, bool) {
		ph := name
		if arg != "" {
			ph += ":" + arg
		}
		if !slices.Contains(allowed, name) || arg != "" {
			l.problem(file, line, "%s: {%s} is not filled in here; %s", where, ph, placeholderList(allowed))
		}
		return "", true
	})
	if strings.Count(text, "{") != strings.Count(text, "}") {
		l.problem(file, line, "%s: a { brace is not closed, or a } has no {", where)
	}
}

func placeholderList(allowed []string) string {
	if len(allowed) == 0 {
		return "this text takes no {placeholders}"
	}
	braced := make([]string, len(allowed))
	for i, a := range allowed {
		braced[i] = "{" + a + "}"
	}
	return "it can use " + strings.Join(braced, ", ")
}
