package questionnaire

import "strings"

// Summary is the plain text the "Copy summary" button puts on the
// clipboard, for the client's reply to the intake email. It holds only
// what the client chose to answer.
func (q *Questionnaire) Summary(a Answers, res Result) string {
	s := q.site
	var b strings.Builder
	line := func(parts ...string) {
		b.WriteString(strings.Join(parts, ""))
		b.WriteByte('\n')
	}
	line("Platform questionnaire: ", s.Settings.Practice)
	line()
	if len(res.Ranked) > 0 {
		top := res.Ranked[0]
		line("Recommended for me: ", top.Platform.Name)
		for _, r := range top.Reasons {
			line("- ", r.Text)
		}
		for _, other := range res.Ranked[1:] {
			line()
			line("Also possible: ", other.Platform.Name)
			for _, r := range other.Reasons {
				line("- ", r.Text)
			}
		}
	}
	for _, d := range res.Declined {
		line()
		line("About ", d.Platform.Name, ": ", d.Text)
	}
	if len(res.Notes) > 0 {
		line()
		for _, n := range res.Notes {
			line("Note: ", n)
		}
	}
	line()
	line("My answers:")
	for _, question := range q.questions {
		line("- ", question.Prompt, " ", AnswerText(question, a))
	}
	line()
	line("My checklist for the first session:")
	for _, c := range res.Checklist {
		line("- ", c)
	}
	return b.String()
}

// AnswerText is the client's answer to q in words, or "Not answered".
func AnswerText(q Question, a Answers) string {
	var labels []string
	for _, id := range a[q.ID] {
		if o, ok := q.Option(id); ok {
			labels = append(labels, o.Label)
		}
	}
	if len(labels) == 0 {
		return "Not answered"
	}
	return strings.Join(labels, "; ")
}
