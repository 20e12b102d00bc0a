package staticsite

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSortAttributes(t *testing.T) {
	tests := []struct {
		give, want string
	}{
		{`<meta name="author" content="A">`, `<meta content="A" name="author">`},
		{`<meta content="A" name="author">`, `<meta content="A" name="author">`},
		{`<input type="checkbox" disabled checked="">`, `<input checked="" disabled type="checkbox">`},
		{`<img src="/web/a.png" alt="a &#62; b"/>`, `<img alt="a &#62; b" src="/web/a.png"/>`},
		{`<!doctype html><p>x &lt;b c="d"&gt; y</p>`, `<!doctype html><p>x &lt;b c="d"&gt; y</p>`},
		{`<div data-z="1"
      class="site" id="x">`, `<div class="site" data-z="1" id="x">`},
		{`<a href="/x">a</a><br>`, `<a href="/x">a</a><br>`},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			require.Equal(t, tt.want, string(sortAttributes([]byte(tt.give))))
		})
	}
}
