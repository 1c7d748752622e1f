package form

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// The schemas of the module's documents, as the golden files of their
// packages hold them (norm/form cannot import those packages). Their
// tests keep the goldens equal to what the packages emit.
var documentSchemas = []string{
	"../../checklist/testdata/schema/assessment.nl.2020-12.json",
	"../../incident/testdata/schema/incident.nl.2020-12.json",
	"../../followup/testdata/schema/action.nl.2020-12.json",
}

// Documents that pass those schemas.
var documentSamples = []string{
	"../../checklist/testdata/decode/full.json",
	"../../examples/data/ind-after.json",
	"../../examples/data/ind-before.json",
	"../../examples/data/compliant.json",
	"../../examples/data/small-municipality.json",
	"../../examples/data/incident.json",
	"../../examples/data/action.json",
	"../../incident/testdata/incident.json",
	"../../followup/testdata/action.json",
}

// quickValidators are the validators whose quick check FuzzQuickCheck
// holds to the schema library's verdict.
func quickValidators(tb testing.TB) []*Validator {
	tb.Helper()
	vs := []*Validator{testValidator(tb)}
	v, err := NewValidator(fxSchema(tb))
	require.NoError(tb, err)
	vs = append(vs, v)
	for _, p := range documentSchemas {
		b, err := os.ReadFile(p)
		require.NoError(tb, err)
		v, err := NewValidator(b)
		require.NoError(tb, err)
		require.NotNil(tb, v.quick, "%s: no quick check, so every document of it takes the slow path", p)
		vs = append(vs, v)
	}
	return vs
}

func TestQuickCheckPassesSamples(t *testing.T) {
	vs := quickValidators(t)
	for _, p := range documentSamples {
		doc, err := os.ReadFile(p)
		require.NoError(t, err)
		tree, probs := Parse(doc, Limits{})
		require.Nil(t, probs, p)
		passed := 0
		for _, v := range vs {
			if v.validate(tree) == nil {
				passed++
				assert.Equal(t, pass, v.quick.check(tree), "%s: valid, but the quick check does not pass it", p)
			}
		}
		assert.Equal(t, 1, passed, "%s should pass exactly one schema", p)
	}
}

// TestRuneClassMatchesRegexp compares the rune-class matcher with Go's
// regexp for the patterns of the documents, on every rune up to U+3000
// and on the edges of the planes, alone and around other text.
func TestRuneClassMatchesRegexp(t *testing.T) {
	patterns := []string{norm.LinePattern, norm.TextPattern, `^[A-Za-z0-9._:-]+$`, `^[A-Za-z0-9._:/@-]+$`, `^[^a]*$`, `^\d+$`}
	for _, p := range patterns {
		c := classOf(p)
		require.NotNil(t, c, p)
		re := regexp.MustCompile(p)
		check := func(s string) {
			if c.match(s) != re.MatchString(s) {
				t.Fatalf("%s on %q: class %v, regexp %v", p, s, c.match(s), re.MatchString(s))
			}
		}
		check("")
		for r := rune(0); r <= 0x3000; r++ {
			s := string(r)
			check(s)
			check("ab" + s + "9")
			check(s + s)
		}
		for _, r := range []rune{0xfffd, 0xfeff, 0xffff, 0x10000, 0x10ffff, utf8.MaxRune} {
			check(string(r))
		}
	}
	assert.Nil(t, classOf(`^[a-z]+-[0-9]+$`))
	assert.Nil(t, classOf(`[a-z]*`))
}

// FuzzQuickCheck holds the quick check to the schema library: for every
// document that parses, and every schema of the module (and the test
// schemas of this package), a pass of the quick check is a pass of the
// validator and a fail is a fail. DecodeAssessment and the other decoders
// skip the validator on a pass, so this is what proves that skipping it
// changes no answer.
func FuzzQuickCheck(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add(fxDocument())
	for _, p := range documentSamples {
		doc, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(doc)
	}
	for _, dir := range []string{"../../checklist/testdata/fuzz/FuzzDecodeAssessment", "../../incident/testdata/fuzz/FuzzDecodeIncident", "../../followup/testdata/fuzz/FuzzDecodeAction"} {
		for _, doc := range corpus(f, dir) {
			f.Add(doc)
		}
	}
	vs := quickValidators(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		tree, probs := Parse(in, Limits{MaxBytes: 1 << 16})
		if probs != nil {
			return
		}
		for i, v := range vs {
			q := v.quick.check(tree)
			if q == unknown {
				continue
			}
			slow := v.validate(tree)
			if (q == pass) != (slow == nil) {
				t.Fatalf("schema %d: quick check %v, validator %v", i, q == pass, slow)
			}
		}
	})
}

// corpus reads the []byte entries of a fuzz corpus directory.
func corpus(tb testing.TB, dir string) [][]byte {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	require.NoError(tb, err)
	var out [][]byte
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(tb, err)
		for line := range bytes.Lines(b) {
			s := strings.TrimSpace(string(line))
			if !strings.HasPrefix(s, "[]byte(") || !strings.HasSuffix(s, ")") {
				continue
			}
			if u, err := strconv.Unquote(s[len("[]byte(") : len(s)-1]); err == nil {
				out = append(out, []byte(u))
			}
		}
	}
	return out
}
