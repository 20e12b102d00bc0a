package staticsite

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// compressible are the extensions worth compressing: text and wasm. PNGs
// are compressed already.
var compressible = map[string]bool{
	".html": true, ".js": true, ".css": true, ".json": true, ".svg": true,
	".wasm": true, ".webmanifest": true,
}

// writeCompressed writes a Brotli (level 11) and a gzip (level 9) sibling
// of every compressible file under dir, for hosts and `serve` to send to
// browsers that accept them. Brotli at level 11 takes a while on 7 MB of
// wasm, so results are kept in cacheDir by content hash ("" disables the
// cache).
func writeCompressed(dir, cacheDir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressible[filepath.Ext(p)] {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, enc := range []struct {
			ext      string
			compress func([]byte) ([]byte, error)
		}{
			{".br", brotliBytes},
			{".gz", gzipBytes},
		} {
			out, err := cached(cacheDir, raw, enc.ext, enc.compress)
			if err != nil {
				return err
			}
			if err := os.WriteFile(p+enc.ext, out, 0o644); err != nil {
				return err
			}
		}
		return nil
	})
}

func cached(cacheDir string, raw []byte, ext string, compress func([]byte) ([]byte, error)) ([]byte, error) {
	if cacheDir == "" {
		return compress(raw)
	}
	sum := sha256.Sum256(raw)
	file := filepath.Join(cacheDir, hex.EncodeToString(sum[:])+ext)
	if b, err := os.ReadFile(file); err == nil {
		return b, nil
	}
	b, err := compress(raw)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cacheDir, 0o755); err == nil {
		_ = os.WriteFile(file, b, 0o644)
	}
	return b, nil
}

func brotliBytes(raw []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	if _, err := w.Write(raw); err != nil {
		return nil, err
	}
	err := w.Close()
	return buf.Bytes(), err
}

func gzipBytes(raw []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(raw); err != nil {
		return nil, err
	}
	err = w.Close()
	return buf.Bytes(), err
}
