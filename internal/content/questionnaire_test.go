package content

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
)

// TestQuestionnaireProblems edits the fixture's questionnaire, labels and
// criteria the way a therapist might get them wrong. Each problem names
// the file and line, in words a non-programmer can act on. The fixture's
// questionnaire lines are in validQuestionnaire.
func TestQuestionnaireProblems(t *testing.T) {
	tests := []struct {
		name string
		file string
		give string // replaced by with, once
		with string
		want string // {line} is the line the edit is on
	}{
		{name: "a rule names a platform that does not exist", file: "questionnaire.yaml",
			give: "    platform: alpha\n    score: 1", with: "    platform: jitsy\n    score: 1",
			want: `content/questionnaire.yaml:20: reasons on-computer: no platform "jitsy" (expected platforms/jitsy.md)`},
		{name: "a rule names an answer the question does not have", file: "questionnaire.yaml",
			give: "if: {devices: [computer]}", with: "if: {devices: [laptop]}",
			want: `content/questionnaire.yaml:19: reasons on-computer: if devices: "laptop" is not one of its answers (computer, phone)`},
		{name: "a rule names a question that does not exist", file: "questionnaire.yaml",
			give: "if: {devices: [computer]}", with: "if: {device: [computer]}",
			want: `content/questionnaire.yaml:19: reasons on-computer: if names a question "device" that does not exist (questions: devices, preference)`},
		{name: "an unknown placeholder", file: "questionnaire.yaml",
			give: `"Because {answer}, {name} works."`, with: `"Because {answr}, {name} works."`,
			want: `content/questionnaire.yaml:23: reasons on-computer: {answr} is not filled in here`},
		{name: "a rule that can never be shown", file: "questionnaire.yaml",
			give: "    if: {devices: [computer]}\n", with: "    if: {devices: [computer]}\n    unless: {devices: [computer]}\n",
			want: `content/questionnaire.yaml:20: reasons on-computer: can never be shown: every answer "if" needs for "devices" is ruled out by "unless"`},
		{name: "a where no platform matches", file: "questionnaire.yaml",
			give: "where: {e2ee: [by-default]}", with: "where: {e2ee: [not-available]}",
			want: `content/questionnaire.yaml:24: reasons 2: can never be shown: no platform matches its platform and where`},
		{name: "an answer no rule reads", file: "questionnaire.yaml",
			give: "  - if: {devices: [phone]}\n", with: "  - if: {devices: [computer]}\n",
			want: `content/questionnaire.yaml:9: devices: the answer "phone" changes no advice: name it under a sentence's if or unless, or mark it summary_only: true`},
		{name: "a colon inside a value", file: "questionnaire.yaml",
			give: "    prompt: Which devices?", with: "    prompt: Note: which devices?",
			want: `content/questionnaire.yaml:3: a colon followed by a space inside a value needs quotes around the whole value`},
		{name: "a contradiction that names no sentence", file: "questionnaire.yaml",
			give: "    criterion: browser\n", with: "    criterion: browser\n    excludes: [on-phone]\n",
			want: `content/questionnaire.yaml:23: reasons: excludes "on-phone", but no sentence has that id`},
		{name: "a reason without a score", file: "questionnaire.yaml",
			give: "    score: -1\n", with: "",
			want: `content/questionnaire.yaml:24: reasons 2: needs a score`},
		{name: "an offered platform without a next step", file: "questionnaire.yaml",
			give: "next: [{platform: alpha, text: Wait for the link.}]", with: "next: [{platform: beta, text: Wait for the link.}]",
			want: `content/questionnaire.yaml:33: next: no next step for alpha, which site.yaml offers`},
		{name: "a misspelt label", file: "labels.yaml",
			give: "\n  leave: ", with: "\n  leav: ",
			want: `content/labels.yaml:{line}: unknown field "leav" (check its spelling`},
		{name: "a label without words", file: "labels.yaml",
			give: "\n  leave: Leave this site", with: "\n  leave: \"\"",
			want: `content/labels.yaml:{line}: frame.leave`},
		{name: "a label with an unknown placeholder", file: "labels.yaml",
			give: "{date}", with: "{day}",
			want: `content/labels.yaml:{line}: frame.policy_dated: {day} is not filled in here; it can use {date}`},
		{name: "a comparison line without its value", file: "labels.yaml",
			give: `fact: "{platform}: {value}"`, with: `fact: "{platform}"`,
			want: `content/labels.yaml:{line}: compare.fact: needs {value}, or the page would not show it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			old := string(fsys[tt.file].Data)
			require.Contains(t, old, tt.give, "the fixture has the text to edit")
			edited := strings.Replace(old, tt.give, tt.with, 1)
			fsys[tt.file] = &fstest.MapFile{Data: []byte(edited)}
			// The fixture shares the shipped labels.yaml: find the
			// edited line rather than rely on where it is today.
			want := tt.want
			if strings.Contains(want, "{line}") {
				start := strings.Index(edited, tt.with) + strings.IndexFunc(tt.with, func(r rune) bool { return r != '\n' })
				want = strings.ReplaceAll(want, "{line}", strconv.Itoa(strings.Count(edited[:start], "\n")+1))
			}
			s, err := Load(fsys, "content")
			require.Nil(t, s)
			var ps Problems
			require.True(t, errors.As(err, &ps), "error is %T: %v", err, err)
			require.Contains(t, err.Error(), want)
		})
	}
}
