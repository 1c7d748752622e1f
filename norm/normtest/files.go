package normtest

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// DirState returns the names and SHA-256 hashes of the files in dir, so
// that a test can show that reading a register created, changed or left
// behind nothing: compare the state before and after.
func DirState(tb testing.TB, dir string) map[string][32]byte {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	out := make(map[string][32]byte, len(entries))
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		out[e.Name()] = sha256.Sum256(b)
	}
	return out
}

// FreeTextStrings calls f for every node of a decoded JSON Schema that
// is free text: of type string with no const, enum, oneOf or format.
// where is the node's path in the schema.
func FreeTextStrings(schema any, f func(where string, node map[string]any)) {
	walkStrings(schema, "", f)
}

func walkStrings(v any, where string, f func(string, map[string]any)) {
	switch n := v.(type) {
	case map[string]any:
		if n["type"] == "string" && n["const"] == nil && n["enum"] == nil && n["oneOf"] == nil && n["format"] == nil {
			f(where, n)
		}
		for k, c := range n {
			walkStrings(c, where+"/"+k, f)
		}
	case []any:
		for i, c := range n {
			walkStrings(c, fmt.Sprintf("%s/%d", where, i), f)
		}
	}
}

// CachedCopies calls get, overwrites every byte it returned, and checks
// that the next call returns the original bytes: what one caller changes
// is not what the next one gets.
func CachedCopies(tb testing.TB, get func() ([]byte, error)) {
	tb.Helper()
	b, err := get()
	if err != nil {
		tb.Fatal(err)
	}
	want := bytes.Clone(b)
	for i := range b {
		b[i] = '!'
	}
	got, err := get()
	if err != nil {
		tb.Fatal(err)
	}
	if !bytes.Equal(want, got) {
		tb.Errorf("the next call got the overwritten bytes")
	}
}
