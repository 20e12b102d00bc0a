package questionnaire

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// A resumable link carries the answers in the URL fragment, which browsers
// never send to a server, and only when the client asks for one:
//
//	/questionnaire#answers=v1;devices:computer,phone;signal:yes
//
// Question and option IDs are plain words, so the link reads as what it
// is; nothing else is in it.
const (
	// FragmentPrefix starts a fragment that carries answers.
	FragmentPrefix = "answers="
	linkVersion    = "v1"
	// maxLink bounds what Decode reads: a real link is a few hundred bytes.
	maxLink = 2048
)

// Encode writes answers as a fragment (without '#'), questions in
// questionnaire order.
func (q *Questionnaire) Encode(a Answers) string {
	parts := []string{linkVersion}
	for _, question := range q.questions {
		if opts := a[question.ID]; len(opts) > 0 {
			parts = append(parts, question.ID+":"+strings.Join(opts, ","))
		}
	}
	return FragmentPrefix + strings.Join(parts, ";")
}

// ErrNotAnswers means the fragment is not a resumable link at all.
var ErrNotAnswers = errors.New("not a link with answers")

// Decode reads a fragment written by Encode. Anything it does not fully
// understand (a truncated, hand-edited or outdated link) is an error,
// never a panic and never half the answers. The error says what is wrong
// for the tests and the developer; the page shows the practice's own calm
// message instead.
func (q *Questionnaire) Decode(fragment string) (Answers, error) {
	rest, ok := strings.CutPrefix(fragment, FragmentPrefix)
	if !ok {
		return nil, ErrNotAnswers
	}
	if len(rest) > maxLink {
		return nil, fmt.Errorf("the link is too long (%d characters)", len(rest))
	}
	parts := strings.Split(rest, ";")
	if parts[0] != linkVersion {
		return nil, fmt.Errorf("the link is from another version of this questionnaire")
	}
	a := Answers{}
	for _, part := range parts[1:] {
		qid, opts, ok := strings.Cut(part, ":")
		if !ok || opts == "" {
			return nil, fmt.Errorf("the link is incomplete near %q", clip(part))
		}
		question, ok := q.Question(qid)
		if !ok {
			return nil, fmt.Errorf("the link mentions a question %q that this questionnaire does not ask", clip(qid))
		}
		if _, dup := a[qid]; dup {
			return nil, fmt.Errorf("the link answers %q twice", qid)
		}
		ids := strings.Split(opts, ",")
		if len(ids) > 1 && !question.Multiple {
			return nil, fmt.Errorf("the link gives several answers to %q, which takes one", qid)
		}
		for i, id := range ids {
			o, ok := question.Option(id)
			if !ok {
				return nil, fmt.Errorf("the link gives an answer %q that %q does not offer", clip(id), qid)
			}
			if o.Exclusive && len(ids) > 1 {
				return nil, fmt.Errorf("the link gives %q together with other answers to %q", id, qid)
			}
			if slices.Contains(ids[:i], id) {
				return nil, fmt.Errorf("the link repeats the answer %q", id)
			}
		}
		a[qid] = ids
	}
	return a, nil
}

func clip(s string) string {
	if len(s) > 24 {
		return s[:24] + "…"
	}
	return s
}
