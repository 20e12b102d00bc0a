package site

// Element IDs the site gives its own elements, around and beside the
// practice's Markdown: the page frame (package app), the platform and
// comparison tables (package content) and go-app's loader. A heading with
// one of them would give a page two elements with one ID, and the skip
// link, the focus after a page change or a questionnaire step, or a link
// to a table row would land on the wrong one. The frame and the content
// loader both take them from here, so the loader's list of IDs a heading
// may not use cannot fall behind the frame.
const (
	// MainID is the page's <main>, the skip link's target.
	MainID = "main"
	// PageTitleID is the page's <h1>, focused after a page change.
	PageTitleID = "page-title"
	// StepHeadingID is the questionnaire's current step heading, focused
	// after each step.
	StepHeadingID = "step-heading"
	// ErrorTitleID is the questionnaire's error summary heading.
	ErrorTitleID = "error-title"
	// PreparingID says, next to the first question's buttons, that the
	// questionnaire is getting ready (before the app starts).
	PreparingID = "preparing"
	// The questionnaire result's controls.
	IncludeSensitiveID = "include-sensitive"
	SummaryTextID      = "summary-text"
	ResumeLinkID       = "resume-link"
	// The sections every platform page ends with.
	PlatformFactsID   = "platform-facts"
	PlatformSourcesID = "platform-sources"
	// ComparePlatformsID heads the comparison's list of platforms on
	// phones.
	ComparePlatformsID = "compare-platforms"
)

// OptionID is the ID of a questionnaire option's input.
func OptionID(question, option string) string { return "opt-" + question + "-" + option }

// ErrorID is the ID of the error message under a questionnaire question.
func ErrorID(question string) string { return "error-" + question }

// CriterionRowID is the ID of a criterion on the comparison page (its
// block in the phone view), which the questionnaire result links to.
func CriterionRowID(criterion string) string { return "criterion-" + criterion }

// CompareCardID is the ID of a platform's card heading on the comparison
// page.
func CompareCardID(platform string) string { return "card-" + platform }

// FrameIDs returns every element ID the site itself may put on a page of
// s: the fixed ones, and those made from its questions, options, criteria
// and platforms. A heading in the practice's Markdown must use none of
// them, on any page: reserving them everywhere keeps the rule simple to
// state and costs no real heading.
func (s *Site) FrameIDs() map[string]bool {
	ids := map[string]bool{}
	for _, id := range []string{MainID, PageTitleID, StepHeadingID, ErrorTitleID, PreparingID, IncludeSensitiveID, SummaryTextID, ResumeLinkID, PlatformFactsID, PlatformSourcesID, ComparePlatformsID} {
		ids[id] = true
	}
	// go-app v10's loading screen, in the pages that run the app: go-app's
	// IDs, not ours, so they are only listed here; staticsite's build test
	// finds every ID the built pages hold in this list.
	for _, id := range []string{"app-wasm-loader", "app-wasm-loader-icon", "app-wasm-loader-label"} {
		ids[id] = true
	}
	for _, q := range s.Questionnaire.Questions {
		ids[ErrorID(q.ID)] = true
		for _, o := range q.Options {
			ids[OptionID(q.ID, o.ID)] = true
		}
	}
	for _, c := range s.Criteria {
		ids[CriterionRowID(c.Key)] = true
	}
	for _, p := range s.Platforms {
		ids[CompareCardID(p.Slug)] = true
	}
	return ids
}
