package questionnaire

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/content"
	"callprivacy/internal/site"
)

// shipped loads the practice's real content: the rules must hold for the
// facts the site actually shows.
func shipped(t testing.TB) *site.Site {
	t.Helper()
	s, err := content.Load(os.DirFS(filepath.Join("..", "..", "content")), "content")
	require.NoError(t, err)
	return s
}

// singlePlatform is the shipped site for a practice that offers Jitsi only.
func singlePlatform(t testing.TB) *site.Site {
	s := *shipped(t)
	s.Settings.Offered = []string{"jitsi"}
	var ps []site.Platform
	for _, p := range s.Platforms {
		if p.Slug == "signal" {
			p.Stance = site.StanceNotUsed
		}
		ps = append(ps, p)
	}
	s.Platforms = ps
	return &s
}

// choices lists every way to answer q: skipped, each option, and for a
// multiple-choice question every non-empty subset.
func choices(q Question) [][]string {
	out := [][]string{nil}
	if !q.Multiple {
		for _, o := range q.Options {
			out = append(out, []string{o.ID})
		}
		return out
	}
	n := len(q.Options)
	for mask := 1; mask < 1<<n; mask++ {
		var set []string
		for i, o := range q.Options {
			if mask&(1<<i) != 0 {
				set = append(set, o.ID)
			}
		}
		out = append(out, set)
	}
	return out
}

// forEachCombination calls fn with every combination of answers to qs.
func forEachCombination(qs []Question, fn func(Answers)) int {
	all := make([][][]string, len(qs))
	for i, q := range qs {
		all[i] = choices(q)
	}
	idx := make([]int, len(qs))
	count := 0
	for {
		a := Answers{}
		for i, q := range qs {
			if c := all[i][idx[i]]; c != nil {
				a[q.ID] = c
			}
		}
		fn(a)
		count++
		i := 0
		for ; i < len(idx); i++ {
			idx[i]++
			if idx[i] < len(all[i]) {
				break
			}
			idx[i] = 0
		}
		if i == len(idx) {
			return count
		}
	}
}

// checkResult asserts what must hold for any answers.
func checkResult(t *testing.T, s *site.Site, a Answers, res Result) {
	if len(res.Ranked) != len(s.Settings.Offered) {
		t.Fatalf("%v: ranked %d platforms, the practice offers %d", a, len(res.Ranked), len(s.Settings.Offered))
	}
	for _, r := range res.Ranked {
		if !r.Platform.Offered() || !slices.Contains(s.Settings.Offered, r.Platform.Slug) {
			t.Fatalf("%v: recommends %s, which the practice does not offer", a, r.Platform.Slug)
		}
		if len(r.Reasons) == 0 {
			t.Fatalf("%v: %s has no reason", a, r.Platform.Slug)
		}
		for _, reason := range r.Reasons {
			if reason.Question == "" {
				if len(r.Reasons) != 1 {
					t.Fatalf("%v: %s mixes the fallback reason with others", a, r.Platform.Slug)
				}
			} else if !a.Answered(reason.Question) {
				t.Fatalf("%v: %s reason rests on unanswered %q: %s", a, r.Platform.Slug, reason.Question, reason.Text)
			}
			if strings.ContainsAny(reason.Text, "{}") || strings.HasPrefix(reason.Text, "Because :") || strings.HasPrefix(reason.Text, "Because ,") {
				t.Fatalf("%v: unfilled reason %q", a, reason.Text)
			}
			if reason.Criterion != "" {
				if _, ok := site.CriterionByKey(reason.Criterion); !ok {
					t.Fatalf("reason names unknown criterion %q", reason.Criterion)
				}
			}
		}
		if len(r.Expect) == 0 {
			t.Fatalf("%v: nothing to expect for %s", a, r.Platform.Slug)
		}
	}
	for i := 1; i < len(res.Ranked); i++ {
		if res.Ranked[i-1].Score < res.Ranked[i].Score {
			t.Fatalf("%v: not ranked by score", a)
		}
	}
	for _, d := range res.Declined {
		if d.Platform.Offered() || !a.Has(QPreference, d.Platform.Slug) {
			t.Fatalf("%v: declines %s without being asked", a, d.Platform.Slug)
		}
	}
	if len(res.Checklist) < 4 {
		t.Fatalf("%v: checklist too short", a)
	}
}

// TestEveryCombination runs the rules over every way of answering every
// question (skips included) for the shipped site and for a practice that
// offers a single platform.
func TestEveryCombination(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the exhaustive run takes about a minute")
	}
	tests := []struct {
		name string
		site *site.Site
	}{
		{"shipped site", shipped(t)},
		{"single platform", singlePlatform(t)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q := New(tt.site)
			n := forEachCombination(q.Questions(), func(a Answers) {
				checkResult(t, tt.site, a, q.Recommend(a))
			})
			t.Logf("%d combinations", n)
		})
	}
}

func TestEdgeCases(t *testing.T) {
	s := shipped(t)
	tests := []struct {
		name     string
		site     *site.Site
		give     Answers
		wantTop  string
		wantText string // in the top platform's reasons or expectations
		wantNote string
	}{
		{name: "all questions skipped", site: s, give: Answers{}, wantTop: "jitsi",
			wantText: "None of your answers tells the platforms apart"},
		{name: "already on Signal", site: s, give: Answers{QSignal: {"yes"}, QDevices: {"phone"}}, wantTop: "signal",
			wantText: "you already use Signal, there is nothing new to set up"},
		{name: "no apps allowed", site: s, give: Answers{QInstall: {"no"}, QSignal: {"willing"}}, wantTop: "jitsi",
			wantText: "works from a link in your web browser"},
		{name: "shared device", site: s, give: Answers{QHousehold: {"shared"}, QSignal: {"yes"}}, wantTop: "jitsi",
			wantText: "private browser window"},
		{name: "contradictory: uses Signal but has no phone", site: s, give: Answers{QSignal: {"yes"}, QDevices: {"computer"}}, wantTop: "jitsi",
			wantText: "desktop browser"},
		{name: "contradictory: uses Signal, cannot install apps", site: s, give: Answers{QSignal: {"yes"}, QInstall: {"no"}, QDevices: {"phone"}}, wantTop: "signal",
			wantText: "end-to-end encrypted by default"},
		{name: "group from different places", site: s, give: Answers{QWho: {"apart"}}, wantTop: "jitsi",
			wantText: "passes through my own server"},
		{name: "phone only", site: s, give: Answers{QDevices: {"phone"}}, wantTop: "signal",
			wantText: "on the phone too"},
		{name: "captions", site: s, give: Answers{QAccess: {"captions"}}, wantTop: "jitsi",
			wantNote: "Neither platform I use adds automatic captions"},
		{name: "prefers WhatsApp", site: s, give: Answers{QPreference: {"whatsapp"}}, wantTop: "signal",
			wantText: "You would prefer WhatsApp: Signal is joined the same way"},
		{name: "prefers Zoom", site: s, give: Answers{QPreference: {"zoom"}}, wantTop: "jitsi",
			wantText: "You would prefer Zoom: Jitsi Meet is joined the same way, with just a link"},
		{name: "single platform, everything pointing elsewhere", site: singlePlatform(t),
			give: Answers{QDevices: {"phone"}, QPreference: {"signal"}}, wantTop: "jitsi", wantText: "works only in desktop browsers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := New(tt.site)
			res := q.Recommend(tt.give)
			checkResult(t, tt.site, tt.give, res)
			top := res.Ranked[0]
			require.Equal(t, tt.wantTop, top.Platform.Slug)
			var text []string
			for _, r := range top.Reasons {
				text = append(text, r.Text)
			}
			text = append(text, top.Expect...)
			if tt.wantText != "" {
				require.Contains(t, strings.Join(text, "\n"), tt.wantText)
			}
			if tt.wantNote != "" {
				require.Contains(t, strings.Join(res.Notes, "\n"), tt.wantNote)
			}
			require.Equal(t, res, q.Recommend(tt.give.Clone()), "deterministic")
		})
	}
}

func TestSingleOfferedPlatformHidesItsQuestions(t *testing.T) {
	qs := New(singlePlatform(t)).Questions()
	_, ok := Find(qs, QSignal)
	require.False(t, ok, "the Signal question makes no sense when Signal is not offered")
	pref, ok := Find(qs, QPreference)
	require.True(t, ok)
	require.Len(t, pref.Options, 6, "every platform the site describes, and no preference")
}

func TestDeclinedIsRespectfulAndSourced(t *testing.T) {
	s := shipped(t)
	res := New(s).Recommend(Answers{QPreference: {"teams"}})
	require.Len(t, res.Declined, 1)
	teams, _ := s.Platform("teams")
	require.Equal(t, "teams", res.Declined[0].Platform.Slug)
	require.Contains(t, res.Declined[0].Text, teams.Summary)
	for _, r := range res.Ranked {
		require.NotEqual(t, "teams", r.Platform.Slug)
	}
}

func TestSummary(t *testing.T) {
	s := shipped(t)
	a := Answers{QDevices: {"computer", "phone"}, QHousehold: {"shared"}, QPreference: {"whatsapp"}}
	q := New(s)
	res := q.Recommend(a)
	got := q.Summary(a, res)
	require.Contains(t, got, "Platform questionnaire: "+s.Settings.Practice)
	require.Contains(t, got, "Recommended for me: "+res.Ranked[0].Platform.Name)
	require.Contains(t, got, "Which devices could you use for sessions? A laptop or desktop computer; A smartphone")
	require.Contains(t, got, "Who will take part in the sessions? Not answered")
	require.Contains(t, got, "About WhatsApp:")
	require.Contains(t, got, "- Use headphones")
}

func TestLinkRoundTrip(t *testing.T) {
	q := New(shipped(t))
	seen := 0
	forEachCombination(q.Questions()[:5], func(a Answers) {
		frag := q.Encode(a)
		got, err := q.Decode(frag)
		require.NoError(t, err, frag)
		require.Equal(t, a, got, frag)
		seen++
	})
	require.Positive(t, seen)
	require.Equal(t, "answers=v1;devices:computer,phone;who:apart", q.Encode(Answers{QDevices: {"computer", "phone"}, QWho: {"apart"}}))
}

func TestDecodeRejectsBadLinks(t *testing.T) {
	q := New(shipped(t))
	tests := []struct {
		give string
		want string
	}{
		{give: "main", want: ErrNotAnswers.Error()},
		{give: "", want: ErrNotAnswers.Error()},
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
