package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

func sampleView(t *testing.T, lang norm.Lang) *View {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "ind-after.json"))
	require.NoError(t, err)
	a, err := checklist.DecodeAssessment(bytes.NewReader(b))
	require.NoError(t, err)
	rep, err := checklist.Evaluate(a, checklist.WithLang(lang))
	require.NoError(t, err)
	return New(&rep, &a, Measured{})
}

// TestStyleHash: the hash a server puts in its Content-Security-Policy is
// the hash of the stylesheet the page carries, so browsers apply it.
func TestStyleHash(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteHTML(&buf, sampleView(t, norm.NL)))
	page := buf.String()
	_, rest, ok := strings.Cut(page, "<style>")
	require.True(t, ok)
	css, _, ok := strings.Cut(rest, "</style>")
	require.True(t, ok)
	sum := sha256.Sum256([]byte(css))
	assert.Equal(t, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'", StyleHash())
	assert.Equal(t, 1, strings.Count(page, "<style"), "one stylesheet, the hashed one")
	assert.NotContains(t, page, "<script")
	assert.NotContains(t, page, " style=", "no inline style attributes: a hash does not cover them")
}

func TestWritePage(t *testing.T) {
	v := sampleView(t, norm.EN)
	var plain, with bytes.Buffer
	require.NoError(t, WriteHTML(&plain, v))
	require.NoError(t, WritePage(&with, v, `<nav id="bar">buttons</nav>`))
	assert.Contains(t, plain.String(), "<body>\n<header>", "nothing added without a fragment")
	assert.Contains(t, with.String(), "<body>\n<nav id=\"bar\">buttons</nav>\n<header>")
	assert.Equal(t, plain.Len()+len(`<nav id="bar">buttons</nav>`)+1, with.Len())
	assert.Contains(t, plain.String(), `<html lang="en">`)
}
