package questionnaire_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/questionnaire"
)

// TestLinksAlreadySent opens links written before the questionnaire
// became content: they must keep opening with the same answers.
func TestLinksAlreadySent(t *testing.T) {
	q := questionnaire.New(shipped(t))
	tests := []struct {
		give string
		want questionnaire.Answers
	}{
		{
			give: "answers=v1;devices:computer,phone;who:apart",
			want: questionnaire.Answers{"devices": {"computer", "phone"}, "who": {"apart"}},
		},
		{
			give: "answers=v1;devices:tablet;signal:rather-not;install:unsure;who:together;household:watched;metadata:a-lot;phone:yes;connection:patchy;access:captions,breaks;preference:teams",
			want: questionnaire.Answers{
				"devices": {"tablet"}, "signal": {"rather-not"}, "install": {"unsure"}, "who": {"together"},
				"household": {"watched"}, "metadata": {"a-lot"}, "phone": {"yes"}, "connection": {"patchy"},
				"access": {"captions", "breaks"}, "preference": {"teams"},
			},
		},
		{
			give: "answers=v1;signal:willing;install:yes;household:rather-not-say;metadata:not-much;phone:no;connection:mobile;access:screen-reader;preference:none",
			want: questionnaire.Answers{
				"signal": {"willing"}, "install": {"yes"}, "household": {"rather-not-say"}, "metadata": {"not-much"},
				"phone": {"no"}, "connection": {"mobile"}, "access": {"screen-reader"}, "preference": {"none"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := q.Decode(tt.give)
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.give, q.Encode(got), "written back the same way")
		})
	}
}

func TestLinkRoundTrip(t *testing.T) {
	s := shipped(t)
	q := questionnaire.New(s)
	sp := newSpace(s, q.Questions())
	n := sp.each(func(a questionnaire.Answers) {
		frag := q.Encode(a)
		got, err := q.Decode(frag)
		if err != nil || !equalAnswers(a, got) {
			t.Errorf("%s: %v %v", frag, got, err)
		}
	})
	require.Positive(t, n)
}

func equalAnswers(a, b questionnaire.Answers) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if strings.Join(v, ",") != strings.Join(b[k], ",") {
			return false
		}
	}
	return true
}

func TestDecodeRejectsBadLinks(t *testing.T) {
	q := questionnaire.New(shipped(t))
	tests := []struct {
		give string
		want string
	}{
		{give: "main", want: questionnaire.ErrNotAnswers.Error()},
		{give: "", want: questionnaire.ErrNotAnswers.Error()},
		{give: "answers=", want: "another version"},
		{give: "answers=v9;who:me", want: "another version"},
		{give: "answers=v1;who", want: "incomplete"},
		{give: "answers=v1;who:", want: "incomplete"},
		{give: "answers=v1;wh", want: "incomplete"},
		{give: "answers=v1;age:42", want: `question "age"`},
		{give: "answers=v1;who:everyone", want: `answer "everyone"`},
		{give: "answers=v1;who:me;who:apart", want: "twice"},
		{give: "answers=v1;who:me,apart", want: "takes one"},
		{give: "answers=v1;devices:phone,phone", want: "repeats"},
		{give: "answers=v1;access:none,captions", want: "none"},
		{give: "answers=v1;" + strings.Repeat("x", 3000), want: "too long"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			a, err := q.Decode(tt.give)
			require.Nil(t, a)
			require.ErrorContains(t, err, tt.want)
		})
	}
}
