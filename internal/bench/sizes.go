//go:build !wasm

package bench

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// Sizes are a file's sizes raw and compressed the way a static host would
// serve it.
type Sizes struct {
	Raw  int64
	Gzip int64 // compress/gzip at level 9
	// Brotli is `brotli -q 11`, or -1 when the brotli command is missing.
	Brotli int64
}

// BrotliMissing explains a missing brotli command.
const BrotliMissing = "the `brotli` command is not installed (Debian: apt-get install brotli), so Brotli sizes are n/a"

// HaveBrotli reports whether the brotli command is on PATH.
func HaveBrotli() bool {
	_, err := exec.LookPath("brotli")
	return err == nil
}

// MeasureSizes measures file raw, with gzip -9 and with brotli -q 11.
func MeasureSizes(file string) (Sizes, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return Sizes{}, err
	}
	gz, err := gzipBytes(b)
	if err != nil {
		return Sizes{}, err
	}
	s := Sizes{Raw: int64(len(b)), Gzip: int64(len(gz)), Brotli: -1}
	if HaveBrotli() {
		br, err := brotliBytes(file)
		if err != nil {
			return Sizes{}, err
		}
		s.Brotli = int64(len(br))
	}
	return s, nil
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// brotliDone keeps what brotliBytes compressed, by file, size and
// modification time: brotli -q 11 takes about 20 s for an app.wasm.
var brotliDone sync.Map

func brotliBytes(file string) ([]byte, error) {
	fi, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	key := fmt.Sprintf("%s|%d|%d", file, fi.Size(), fi.ModTime().UnixNano())
	if b, ok := brotliDone.Load(key); ok {
		return b.([]byte), nil
	}
	var out, errb bytes.Buffer
	cmd := exec.Command("brotli", "-q", "11", "-c", "--", file)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("brotli %s: %v %s", file, err, strings.TrimSpace(errb.String()))
	}
	brotliDone.Store(key, out.Bytes())
	return out.Bytes(), nil
}

// compressFile writes file+enc (".gz" or ".br") next to file. Without the
// brotli command, a .br copy is not written (and a stale one removed).
func compressFile(file, enc string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var c []byte
	switch enc {
	case ".gz":
		c, err = gzipBytes(b)
	case ".br":
		if !HaveBrotli() {
			if err := os.Remove(file + enc); err != nil && !os.IsNotExist(err) {
				return err
			}
			return nil
		}
		c, err = brotliBytes(file)
	default:
		return fmt.Errorf("unknown encoding %q", enc)
	}
	if err != nil {
		return err
	}
	return os.WriteFile(file+enc, c, 0o644)
}

// MirrorCompressed gives the files of dir the precompressed siblings
// (.gz, .br) that the same files of model have, so that a baseline is
// served the way the site is. It returns the files it compressed, relative
// to dir.
func MirrorCompressed(model, dir string) ([]string, error) {
	var done []string
	err := filepath.WalkDir(model, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		enc := filepath.Ext(p)
		if enc != ".gz" && enc != ".br" {
			return nil
		}
		rel, err := filepath.Rel(model, strings.TrimSuffix(p, enc))
		if err != nil {
			return err
		}
		target := filepath.Join(dir, rel)
		if _, err := os.Stat(target); err != nil {
			return nil // the baseline has no such file
		}
		if err := compressFile(target, enc); err != nil {
			return err
		}
		done = append(done, filepath.ToSlash(rel)+enc)
		return nil
	})
	return done, err
}
