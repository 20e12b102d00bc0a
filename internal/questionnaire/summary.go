package questionnaire

import (
	"strings"

	"callprivacy/internal/site"
)

// Summary is the plain text the "Copy summary" button copies, for the
// client's reply to the practice's email. It is in the client's voice from
// first line to last, made only of the summary's own sentences, the
// platforms' names and the client's answers (the options' labels, which
// are theirs). Answers to a sensitive question stay out unless
// includeSensitive is set: the summary may be written on the very device
// someone else can see.
func (q *Questionnaire) Summary(a Answers, res *Result, includeSensitive bool) string {
	sum := &q.site.Questionnaire.Summary
	var lines lines
	lines.add(site.Fill(sum.Opening, "practice", q.site.Settings.Practice))
	if len(res.Ranked) > 0 {
		lines.add(site.Fill(sum.Suggested, "name", res.Ranked[0].Platform.Name))
		var others []string
		for i := 1; i < len(res.Ranked); i++ {
			others = append(others, res.Ranked[i].Platform.Name)
		}
		if len(others) > 0 {
			lines.add(site.Fill(sum.Others, "names", q.site.Labels.Frame.List(others)))
		}
	}
	for i := range res.Declined {
		lines.add(site.Fill(sum.Declined, "name", res.Declined[i].Platform.Name))
	}
	lines = append(lines, "")
	lines.add(sum.Answers)
	for i := range q.questions {
		question := &q.questions[i]
		if question.Sensitive != "" && !includeSensitive {
			continue
		}
		answer := AnswerText(question, a)
		if answer == "" {
			answer = sum.Skipped
		}
		lines.add(site.Fill(sum.Answer, "question", question.Summary, "answer", answer))
	}
	if sum.Closing != "" {
		lines = append(lines, "", sum.Closing)
	}
	return strings.Join(lines, "\n") + "\n"
}

// lines are the summary's lines.
type lines []string

// add adds s unless it is empty (a sentence the practice left out).
//
//go:noinline
func (l *lines) add(s string) {
	if s != "" {
		*l = append(*l, s)
	}
}

// AnswerText is the client's answer to question in words (the chosen
// options' labels), or "" if they skipped it.
func AnswerText(question *site.Question, a Answers) string {
	var labels []string
	for _, id := range a[question.ID] {
		if o, ok := question.Option(id); ok {
			labels = append(labels, o.Label)
		}
	}
	return strings.Join(labels, "; ")
}

// Consent returns the words of the box that puts sensitive answers in the
// summary (the first answered sensitive question's), or "" when the client
// gave no answer that stays out unless they ask: then there is no box.
func (q *Questionnaire) Consent(a Answers) string {
	for _, question := range q.questions {
		if question.Sensitive != "" && a.Answered(question.ID) {
			return question.Sensitive
		}
	}
	return ""
}
