package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/content"
	"callprivacy/internal/site"
)

// The browser decodes site.json with unmarshalInSteps: for the practice's
// real content it must give exactly what json.Unmarshal gives, and stop
// for the browser many times on the way.
func TestUnmarshalInStepsReadsTheSiteAsJSONDoes(t *testing.T) {
	s, err := content.Load(os.DirFS(filepath.Join("..", "content")), "content")
	require.NoError(t, err)
	data, err := json.Marshal(s.ForBrowser())
	require.NoError(t, err)

	var want, got site.Site
	require.NoError(t, json.Unmarshal(data, &want))
	pauses := 0
	require.NoError(t, unmarshalInSteps(data, &got, func() { pauses++ }))
	require.Equal(t, want, got)
	require.NotEmpty(t, got.Pages)
	// A chance to pause before every struct, list item, map entry and
	// leaf: hundreds for the practice's content.
	require.Greater(t, pauses, 500)
}

type stepInner struct {
	Name  string   `json:"name"`
	Tags  []string `json:"tags,omitempty"`
	Count int
}

type stepEmbedded struct {
	stepInner
	Extra string `json:"extra"`
}

type stepOuter struct {
	Title    string               `json:"title"`
	Hidden   string               `json:"-"`
	Inner    stepInner            `json:"inner"`
	Ptr      *stepInner           `json:"ptr"`
	List     []stepInner          `json:"list"`
	ByKey    map[string]stepInner `json:"byKey"`
	Embedded stepEmbedded         `json:"embedded"`
	Raw      json.RawMessage      `json:"raw"`
	Kept     string               `json:"kept"`
}

func TestUnmarshalInSteps(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"every kind", `{"title":"T","Hidden":"no","inner":{"name":"a","tags":["x","y"],"Count":2},
			"ptr":{"name":"p"},"list":[{"name":"l1"},{"name":"l2","Count":3}],
			"byKey":{"k":{"name":"v"}},"embedded":{"name":"e","extra":"x"},"raw":{"any":[1,2]}}`},
		{"nulls leave fields alone", `{"title":null,"ptr":null,"list":null,"byKey":null}`},
		{"empty", `{}`},
		{"unknown keys are ignored", `{"other":{"deep":[1]},"title":"t"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := func() stepOuter {
				return stepOuter{Kept: "before", List: []stepInner{{Name: "old"}}, ByKey: map[string]stepInner{"old": {Name: "o"}}}
			}
			want := before()
			require.NoError(t, json.Unmarshal([]byte(tt.give), &want))
			got := before()
			require.NoError(t, unmarshalInSteps([]byte(tt.give), &got, func() {}))
			require.Equal(t, want, got)
		})
	}
}

func TestUnmarshalInStepsRefusesBadJSON(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"truncated", `{"title":"T","inner":{"name":`},
		{"wrong type", `{"title":5}`},
		{"list for an object", `{"inner":[1,2]}`},
		{"not JSON", `<html>`},
		{"more after the value", `{"title":"T"} {}`},
		{"a key that is not a string", `{"inner":{1:2}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got stepOuter
			require.Error(t, unmarshalInSteps([]byte(tt.give), &got, func() {}))
		})
	}
}

// FuzzUnmarshalInSteps: whatever the input, unmarshalInSteps agrees with
// json.Unmarshal: where it succeeds, with the same value; where it fails,
// by failing too.
func FuzzUnmarshalInSteps(f *testing.F) {
	for _, seed := range []string{
		`{"title":"T","inner":{"name":"a","tags":["x","y"],"Count":2},"ptr":{"name":"p"},"list":[{"name":"l1"}],"byKey":{"k":{"name":"v"}},"embedded":{"name":"e","extra":"x"},"raw":{"any":[1,2]}}`,
		`{"title":null,"ptr":null,"list":null,"byKey":null}`,
		`{"TITLE":"case","Inner":{"NAME":"n"},"title":"exact"}`,
		`{"title":"esc\u00e9\n\"","list":[{"tags":["a\\b","\ud83d\ude00"]}]}`,
		` { "list" : [ ] , "byKey" : { } } `,
		`{"title":"T",}`, `{"list":[1,]}`, `{"inner":{"Count":1e2}}`, `{"inner":{"Count":-0}}`,
		`{"title":"\xff"}`, `{"\xffx":1}`, `{"title":"a"}{}`, `[]`, `null`, `"s"`, `{"title":tru}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		before := func() stepOuter {
			return stepOuter{Kept: "before", List: []stepInner{{Name: "old"}}, ByKey: map[string]stepInner{"old": {Name: "o"}}}
		}
		want, got := before(), before()
		wantErr := json.Unmarshal(data, &want)
		gotErr := unmarshalInSteps(data, &got, func() {})
		if wantErr != nil {
			require.Error(t, gotErr, "json.Unmarshal refused it: %v", wantErr)
			return
		}
		require.NoError(t, gotErr)
		require.Equal(t, want, got)
	})
}
