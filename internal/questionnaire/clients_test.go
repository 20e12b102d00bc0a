package questionnaire_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/questionnaire"
)

// TestClients reads the result as the client would. Each case is a real
// client's answers (the first three are the ones the redesign started
// from), the platform they are pointed to, and sentences the result must
// and must not say anywhere in the result.
func TestClients(t *testing.T) {
	s := shipped(t)
	q := questionnaire.New(s)
	c := newChecker(s)
	tests := []struct {
		name     string
		give     string
		wantTop  string
		wantFor  []string // in the top pick's reasons for it
		wantAll  []string
		wantNot  []string
		wantTie  bool
		declined string
	}{
		{
			name:    "computer user who already uses Signal",
			give:    "answers=v1;devices:computer;signal:yes",
			wantTop: "signal",
			wantFor: []string{"Because you already use Signal, there is nothing new to set up."},
			wantAll: []string{"Send me your Signal username"},
			wantNot: []string{"you didn't choose a smartphone", "If you don't have Signal yet"},
		},
		{
			name:     "phone user who prefers WhatsApp",
			give:     "answers=v1;devices:phone;preference:whatsapp",
			wantTop:  "signal",
			wantFor:  []string{"Of the platforms I use, Signal is the closest to it."},
			wantAll:  []string{"If you don't have Signal yet, install it"},
			wantNot:  []string{"nothing new to set up"},
			declined: "whatsapp",
		},
		{
			name:     "phone user who can install apps and prefers WhatsApp",
			give:     "answers=v1;devices:phone;install:yes;preference:whatsapp",
			wantTop:  "signal",
			wantFor:  []string{"You said you would prefer WhatsApp."},
			wantNot:  []string{"rather not install", "can't or would rather not install apps"},
			declined: "whatsapp",
		},
		{
			name:    "nothing answered",
			give:    "answers=v1",
			wantTop: "jitsi",
			wantTie: true,
			wantNot: []string{"Because you"},
		},
		{
			name:    "mobile data on a shared phone, no apps",
			give:    "answers=v1;devices:phone;install:no;household:shared;connection:mobile;access:none",
			wantTop: "jitsi",
			wantFor: []string{"private browser window"},
			wantAll: []string{"Find the spot with the strongest signal", "On a shared device, open my link in a private browser window"},
			wantNot: []string{"router", "delete our chat", "Signal is up to date"},
		},
		{
			name:    "group from different places",
			give:    "answers=v1;who:apart",
			wantTop: "jitsi",
			wantAll: []string{"the call passes through my own server, which could decrypt it"},
			wantNot: []string{"goes directly between the two"},
		},
		{
			name:     "prefers Teams on a computer",
			give:     "answers=v1;devices:computer;preference:teams",
			wantTop:  "jitsi",
			wantAll:  []string{"switch on end-to-end encryption for the meeting"},
			wantNot:  []string{"isn't available on phones"},
			declined: "teams",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := q.Decode(tt.give)
			require.NoError(t, err)
			require.Empty(t, c.check(a), "the invariants hold")
			res := q.Recommend(a)
			top := res.Ranked[0]
			require.Equal(t, tt.wantTop, top.Platform.Slug)
			require.NotEmpty(t, top.For, "the suggestion has a reason")
			require.Equal(t, tt.wantTie, res.Tie != "", "tie: %q", res.Tie)

			var reasons []string
			for _, s := range top.For {
				reasons = append(reasons, s.Text)
			}
			all := sentences(res)
			for _, w := range tt.wantFor {
				require.Contains(t, strings.Join(reasons, "\n"), w)
			}
			for _, w := range tt.wantAll {
				require.Contains(t, strings.Join(all, "\n"), w)
			}
			for _, w := range tt.wantNot {
				require.NotContains(t, strings.Join(all, "\n"), w)
			}
			if tt.declined == "" {
				require.Empty(t, res.Declined)
				return
			}
			require.Len(t, res.Declined, 1)
			d := res.Declined[0]
			require.Equal(t, tt.declined, d.Platform.Slug)
			require.Contains(t, d.Text, d.Platform.Summary, "the explanation comes from the platform's own page")
			require.Contains(t, d.Closest, top.Platform.Name)
		})
	}
}

// TestSummaryVoiceAndConsent reads the summary a client copies into an
// email, possibly on the shared device their answer is about.
func TestSummaryVoiceAndConsent(t *testing.T) {
	s := shipped(t)
	q := questionnaire.New(s)
	a, err := q.Decode("answers=v1;devices:phone;household:shared;access:none;preference:whatsapp")
	require.NoError(t, err)
	res := q.Recommend(a)

	plain := q.Summary(a, &res, false)
	require.True(t, strings.HasPrefix(plain, "Hello, I have answered"), plain)
	require.Contains(t, plain, "It suggests Jitsi Meet for me.")
	require.Contains(t, plain, "I would have preferred WhatsApp")
	require.Contains(t, plain, "- What would help me: None of these", "none is recorded as such")
	require.Contains(t, plain, "- Who will take part: I didn't answer")
	require.NotContains(t, plain, "share a device")
	require.NotContains(t, plain, "Who else can see my devices")
	require.NotContains(t, plain, "My server", "the practice's voice stays out")

	included := q.Summary(a, &res, true)
	require.Contains(t, included, "- Who else can see my devices: Yes, I share a device")
	require.Equal(t, "Include my answer about who else can see my devices", q.Consent(a))
	a2, err := q.Decode("answers=v1;devices:phone")
	require.NoError(t, err)
	require.Empty(t, q.Consent(a2), "no box to tick when nothing sensitive was answered")
}
