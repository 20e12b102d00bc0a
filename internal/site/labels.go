package site

import "strings"

// Labels are every word of the site's frame, its build-time tables, the
// questionnaire's screens and the page's scripts: the practice writes them in
// content/labels.yaml, so that rewording a button or translating the site
// needs no Go. A label may hold {placeholders}; the loader checks each
// label's placeholders against the ones its place fills in.
type Labels struct {
	Frame         FrameLabels         `json:"frame" yaml:"frame"`
	Dates         DateLabels          `json:"dates" yaml:"dates"`
	Platform      PlatformLabels      `json:"platform" yaml:"platform"`
	Compare       CompareLabels       `json:"compare" yaml:"compare"`
	Questionnaire QuestionnaireLabels `json:"questionnaire" yaml:"questionnaire"`
	Device        DeviceLabels        `json:"device" yaml:"device"`
	Changes       ChangesLabels       `json:"changes" yaml:"changes"`

	// Intake is for the therapist's side only (callprivacy links), never
	// the browser's.
	Intake IntakeLabels `json:"-" yaml:"intake"`
}

// ChangesLabels are the words of the change log's entries.
type ChangesLabels struct {
	_ noEqual

	// Why introduces the reason for a change.
	Why string `json:"why" yaml:"why"`
}

// IntakeLabels are the paragraphs `callprivacy links` prints for an
// intake email: an introduction, then one line per link, each with its
// {url}.
type IntakeLabels struct {
	_ noEqual

	Intro    string `yaml:"intro"`
	Overview string `yaml:"overview"`
	// Platform holds {name} and {url}.
	Platform      string `yaml:"platform"`
	Joining       string `yaml:"joining"`
	Questionnaire string `yaml:"questionnaire"`
}

// DeviceLabels are the words of the control that removes what the site
// keeps on the device (its offline copy), shown on the pages whose front
// matter asks for it; web/site.js reads them from the control.
type DeviceLabels struct {
	_ noEqual

	Button string `json:"button" yaml:"remove_button"`
	// Working is announced while the browser deletes; Done and Failed
	// replace it.
	Working string `json:"working" yaml:"remove_working"`
	Done    string `json:"done" yaml:"remove_done"`
	Failed  string `json:"failed" yaml:"remove_failed"`
}

// FrameLabels are the words around every page.
type FrameLabels struct {
	_ noEqual

	// AppName is the installed app's name: {practice}. Its name under the
	// icon is a setting (site.yaml short_name), as it is the practice's.
	AppName string `json:"appName" yaml:"app_name"`
	// Title is the document title: {page} and {practice}.
	Title    string `json:"title" yaml:"title"`
	SkipLink string `json:"skipLink" yaml:"skip_link"`
	Leave    string `json:"leave" yaml:"leave"`
	// ShiftCount is announced while Shift is pressed towards leaving:
	// {count} and {total}; ShiftReset when the count runs out. The page's
	// first script (internal/hosting/first.js) fills them in.
	ShiftCount string `json:"shiftCount" yaml:"shift_count"`
	ShiftReset string `json:"shiftReset" yaml:"shift_reset"`
	// Menu opens the menu on a narrow screen; AppBack is the way back in
	// the installed app, which has no browser Back button.
	Menu          string `json:"menu" yaml:"menu"`
	AppBack       string `json:"appBack" yaml:"app_back"`
	MainMenu      string `json:"mainMenu" yaml:"main_menu"`
	PlatformsMenu string `json:"platformsMenu" yaml:"platforms_menu"`
	OnThisPage    string `json:"onThisPage" yaml:"on_this_page"`
	// PolicyDated holds {date}.
	PolicyDated string `json:"policyDated" yaml:"policy_dated"`
	Promise     string `json:"promise" yaml:"promise"`
	// Loading is go-app's start-up label on the questionnaire: {progress}.
	Loading      string `json:"loading" yaml:"loading"`
	UpdateNotice string `json:"updateNotice" yaml:"update_notice"`
	UpdateButton string `json:"updateButton" yaml:"update_button"`
	// ListAnd joins the last two items of a list: "Jitsi Meet and Signal".
	ListAnd string `json:"listAnd" yaml:"list_and"`
	// CodeExample names a code block for screen readers; CodeExampleIn
	// one whose fence names its {language}.
	CodeExample   string `json:"codeExample" yaml:"code_example"`
	CodeExampleIn string `json:"codeExampleIn" yaml:"code_example_in"`
}

// CodeLabel names a code block in language ("" for none).
func (f FrameLabels) CodeLabel(language string) string {
	if language == "" {
		return f.CodeExample
	}
	return Fill(f.CodeExampleIn, "language", language)
}

// DateLabels write a YYYY-MM-DD date the way a reader reads it.
type DateLabels struct {
	// Format holds {day}, {month} and {year}.
	Format string   `json:"format" yaml:"format"`
	Months []string `json:"months" yaml:"months"`
}

// PlatformLabels are the words of a platform page's facts and sources.
type PlatformLabels struct {
	// Stances say the practice's position, by stance.
	Stances map[string]string `json:"stances" yaml:"stances"`
	// StanceLine opens a platform's summary: {stance}.
	StanceLine   string `json:"stanceLine" yaml:"stance_line"`
	FactsHeading string `json:"factsHeading" yaml:"facts_heading"`
	// Reviewed holds {date}.
	Reviewed       string `json:"reviewed" yaml:"reviewed"`
	CompareLink    string `json:"compareLink" yaml:"compare_link"`
	SourcesHeading string `json:"sourcesHeading" yaml:"sources_heading"`
	// Consulted follows a source's title: {date}.
	Consulted string `json:"consulted" yaml:"consulted"`
	// Source links a fact to its source: {title}.
	Source string `json:"source" yaml:"source"`
	// PracticeSource is the title of the practice's own page, cited for
	// facts about its setup; PracticeSourcePage is that page.
	PracticeSource     string `json:"practiceSource" yaml:"practice_source"`
	PracticeSourcePage string `json:"practiceSourcePage" yaml:"practice_source_page"`
}

// CompareLabels are the words of the comparison: its table, its phone
// view and its printed cards.
type CompareLabels struct {
	_ noEqual

	Caption         string `json:"caption" yaml:"caption"`
	CriterionColumn string `json:"criterionColumn" yaml:"criterion_column"`
	ReviewedRow     string `json:"reviewedRow" yaml:"reviewed_row"`
	// PlatformsHeading heads the phone's list of the platforms with the
	// practice's stance on each.
	PlatformsHeading string `json:"platformsHeading" yaml:"platforms_heading"`
	// Fact is a platform's value on a phone, the line a reader taps to
	// see its explanation: {platform} and {value}.
	Fact string `json:"fact" yaml:"fact"`
}

// QuestionnaireLabels are the words of the questionnaire's screens.
type QuestionnaireLabels struct {
	_ noEqual

	Region string `json:"region" yaml:"region"`
	// Progress holds {n} and {total}.
	Progress string `json:"progress" yaml:"progress"`
	Back     string `json:"back" yaml:"back"`
	Continue string `json:"continue" yaml:"continue"`
	Skip     string `json:"skip" yaml:"skip"`
	// Preparing stands by the buttons until the app has started.
	Preparing     string `json:"preparing" yaml:"preparing"`
	Why           string `json:"why" yaml:"why"`
	ErrorTitle    string `json:"errorTitle" yaml:"error_title"`
	ChooseOne     string `json:"chooseOne" yaml:"choose_one"`
	ChooseAny     string `json:"chooseAny" yaml:"choose_any"`
	CheckHeading  string `json:"checkHeading" yaml:"check_heading"`
	CheckIntro    string `json:"checkIntro" yaml:"check_intro"`
	Change        string `json:"change" yaml:"change"`
	ChangeHidden  string `json:"changeHidden" yaml:"change_hidden"`
	SeeResult     string `json:"seeResult" yaml:"see_result"`
	NotAnswered   string `json:"notAnswered" yaml:"not_answered"`
	LinkLoaded    string `json:"linkLoaded" yaml:"link_loaded"`
	LinkError     string `json:"linkError" yaml:"link_error"`
	ResultHeading string `json:"resultHeading" yaml:"result_heading"`
	NextHeading   string `json:"nextHeading" yaml:"next_heading"`
	ForHeading    string `json:"forHeading" yaml:"for_heading"`
	AgainstHead   string `json:"againstHeading" yaml:"against_heading"`
	ExpectHeading string `json:"expectHeading" yaml:"expect_heading"`
	MoreAbout     string `json:"moreAbout" yaml:"more_about"`
	CriterionLink string `json:"criterionLink" yaml:"criterion_link"`
	OthersHeading string `json:"othersHeading" yaml:"others_heading"`
	DeclinedHead  string `json:"declinedHeading" yaml:"declined_heading"`
	DeclinedLink  string `json:"declinedLink" yaml:"declined_link"`
	NotesHeading  string `json:"notesHeading" yaml:"notes_heading"`
	Checklist     string `json:"checklistHeading" yaml:"checklist_heading"`
	// JoiningLink leads from the next step and the checklist to the page
	// on joining a session.
	JoiningLink  string `json:"joiningLink" yaml:"joining_link"`
	SummaryHead  string `json:"summaryHeading" yaml:"summary_heading"`
	SummaryIntro string `json:"summaryIntro" yaml:"summary_intro"`
	SummaryLabel string `json:"summaryLabel" yaml:"summary_label"`
	Copy         string `json:"copy" yaml:"copy"`
	Copied       string `json:"copied" yaml:"copied"`
	CopyFailed   string `json:"copyFailed" yaml:"copy_failed"`
	Print        string `json:"print" yaml:"print"`
	// PrintedOn is printed under the suggestion: {practice} and {date},
	// the day of printing.
	PrintedOn     string `json:"printedOn" yaml:"printed_on"`
	Restart       string `json:"restart" yaml:"restart"`
	ResumeSummary string `json:"resumeSummary" yaml:"resume_summary"`
	ResumeWarning string `json:"resumeWarning" yaml:"resume_warning"`
	ResumeButton  string `json:"resumeButton" yaml:"resume_button"`
	ResumeLabel   string `json:"resumeLabel" yaml:"resume_label"`
}

// Fill replaces each {name} in t with its value; vars are name, value
// pairs. The loader has checked that t holds only names its place fills.
// It is Expand with a fixed table: one way of filling placeholders (and
// no strings.Replacer, whose code app.wasm would otherwise carry). It is
// not inlined: each call site would otherwise carry its own copy of the
// closure, about 730 bytes of app.wasm apiece.
//
//go:noinline
func Fill(t string, vars ...string) string {
	return Expand(t, func(name, arg string) (string, bool) {
		for i := 0; i+1 < len(vars); i += 2 {
			if arg == "" && vars[i] == name {
				return vars[i+1], true
			}
		}
		return "", false
	})
}

// List joins items the way a sentence lists them: "a, b and c", with the
// practice's word for "and".
func (l FrameLabels) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + l.ListAnd + items[len(items)-1]
}

// Date writes a YYYY-MM-DD date as the practice's labels say, or d itself
// if it is not such a date (the loader has checked every date it ships).
func (l DateLabels) Date(d string) string {
	if len(d) != 10 || d[4] != '-' || d[7] != '-' || len(l.Months) != 12 {
		return d
	}
	month := int(d[5]-'0')*10 + int(d[6]-'0')
	if month < 1 || month > 12 {
		return d
	}
	return Fill(l.Format, "day", strings.TrimPrefix(d[8:], "0"), "month", l.Months[month-1], "year", d[:4])
}

// Expand replaces every {name} and {name:arg} in t with what resolve
// returns for it; a placeholder resolve does not know (ok false) stays as
// it is, to be filled later. The loader checks every placeholder at build
// time with the same function, so the two can never disagree.
func Expand(t string, resolve func(name, arg string) (string, bool)) string {
	var out []byte
	for {
		open := strings.IndexByte(t, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(t[open:], '}')
		if end < 0 {
			break
		}
		name, arg, _ := strings.Cut(t[open+1:open+end], ":")
		v, ok := resolve(name, arg)
		if !ok {
			v = t[open : open+end+1]
		}
		out = append(append(out, t[:open]...), v...)
		t = t[open+end+1:]
	}
	if out == nil {
		return t
	}
	return string(append(out, t...))
}
