package staticsite

import (
	"bytes"
	"encoding/json"
	"os"

	"callprivacy/internal/site"
)

// writeSiteData writes the data the browser app reads at start-up.
//
// HTML is not escaped (json.Encoder's default writes < as \u003c): the
// file is fetched and parsed as JSON, never placed in a page, and every
// escape is bytes to send and work for the wasm's decoder.
func writeSiteData(path string, s *site.Site) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
