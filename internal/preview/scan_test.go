package preview

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestSnapshotChanges(t *testing.T) {
	at := func(sec int64, size int64) stamp { return stamp{mod: time.Unix(sec, 0), size: size} }
	old := snapshot{"content/a.md": at(1, 10), "content/b.md": at(1, 10), "web/site.css": at(1, 10)}
	tests := []struct {
		name string
		give snapshot
		want []string
	}{
		{name: "nothing", give: snapshot{"content/a.md": at(1, 10), "content/b.md": at(1, 10), "web/site.css": at(1, 10)}},
		{name: "saved", give: snapshot{"content/a.md": at(2, 10), "content/b.md": at(1, 10), "web/site.css": at(1, 10)},
			want: []string{"content/a.md changed"}},
		{name: "same time, new size", give: snapshot{"content/a.md": at(1, 11), "content/b.md": at(1, 10), "web/site.css": at(1, 10)},
			want: []string{"content/a.md changed"}},
		{name: "added and removed", give: snapshot{"content/a.md": at(1, 10), "content/c.md": at(1, 10), "web/site.css": at(1, 10)},
			want: []string{"content/b.md removed", "content/c.md added"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.give.changes(old))
		})
	}
}

func TestSummarise(t *testing.T) {
	tests := []struct {
		give []string
		want string
	}{
		{give: []string{"content/a.md changed"}, want: "content/a.md changed"},
		{give: []string{"a changed", "b changed", "c added"}, want: "a changed, b changed, c added"},
		{give: []string{"a changed", "b changed", "c added", "d removed", "e added"}, want: "a changed, b changed, c added and 2 more files"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, summarise(tt.give))
	}
}
