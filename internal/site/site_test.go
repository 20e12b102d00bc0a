package site

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestWithBase(t *testing.T) {
	tests := []struct {
		base, give, want string
	}{
		{"", `<a href="/metadata">m</a>`, `<a href="/metadata">m</a>`},
		{"/privacy", `<a href="/metadata">m</a>`, `<a href="/privacy/metadata">m</a>`},
		{"/privacy", `<a href="https://signal.org/" rel="noopener noreferrer">s</a>`, `<a href="https://signal.org/" rel="noopener noreferrer">s</a>`},
		{"/privacy", `<a href="#anchor">a</a>`, `<a href="#anchor">a</a>`},
		{"/privacy", `<code>a href=&quot;/x&quot;</code>`, `<code>a href=&quot;/x&quot;</code>`},
	}
	for _, tt := range tests {
		t.Run(tt.base+tt.give, func(t *testing.T) {
			require.Equal(t, tt.want, WithBase(tt.give, tt.base))
		})
	}
}

func TestLink(t *testing.T) {
	require.Equal(t, "/", Link("", "/"))
	require.Equal(t, "/privacy/", Link("/privacy", "/"))
	require.Equal(t, "/privacy/metadata", Link("/privacy", "/metadata"))
}

func TestCriteriaAreUniqueAndLabelled(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Criteria {
		require.False(t, seen[c.Key], c.Key)
		seen[c.Key] = true
		require.NotEmpty(t, c.Label)
		for _, v := range c.Values {
			require.NotEmpty(t, v.Label, c.Key)
			require.Equal(t, v.Label, c.ValueLabel(v.Key))
		}
	}
	e2ee, ok := CriterionByKey("e2ee")
	require.True(t, ok)
	require.Equal(t, "Optional", e2ee.ValueLabel("optional"))
	require.Equal(t, "free text", e2ee.ValueLabel("free text"))
}
