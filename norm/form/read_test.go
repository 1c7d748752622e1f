package form

import (
	"bytes"
	"encoding/json"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// endless is a reader that produces n bytes of a repeating pattern without
// holding them, and counts what was read.
type endless struct {
	prefix  string
	pattern string
	n, read int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.read >= e.n {
		return 0, io.EOF
	}
	i := 0
	for i < len(p) && e.read < e.n {
		if e.read < int64(len(e.prefix)) {
			p[i] = e.prefix[e.read]
		} else {
			p[i] = e.pattern[(e.read-int64(len(e.prefix)))%int64(len(e.pattern))]
		}
		i++
		e.read++
	}
	return i, nil
}

func requireProblem(tb testing.TB, probs []norm.Problem, pointer string, code norm.ProblemCode) {
	tb.Helper()
	for _, p := range probs {
		if p.Pointer == pointer && p.Code == code {
			assert.NotEmpty(tb, p.Message.NL, "Dutch message")
			assert.NotEmpty(tb, p.Message.EN, "English message")
			return
		}
	}
	tb.Fatalf("no problem %q at %q in %v", code, pointer, probs)
}

func TestReadStopsAfterMaxBytes(t *testing.T) {
	const hundredMB = 100 << 20
	for _, max := range []int64{0, 4096} {
		src := &endless{prefix: "[", pattern: "1234567,", n: hundredMB}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		buf, probs := Read(src, Limits{MaxBytes: max})
		runtime.ReadMemStats(&after)
		want := max
		if want == 0 {
			want = DefaultMaxBytes
		}
		require.Nil(t, buf)
		require.Len(t, probs, 1)
		requireProblem(t, probs, "", norm.CodeTooLarge)
		assert.Equal(t, want+1, src.read, "Read must stop right after the limit")
		assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(4*want+(1<<16)), "memory stays near the limit")
	}
}

func TestReadHostile(t *testing.T) {
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	deepPointer := strings.Repeat("/0", DefaultMaxDepth)
	bigString := `{"name": "` + strings.Repeat("x", 1<<20) + `"}`
	tests := []struct {
		name    string
		in      string
		lim     Limits
		pointer string
		code    norm.ProblemCode
	}{
		{"10000 nested arrays", deep, Limits{}, deepPointer, norm.CodeTooDeep},
		{"10000 nested objects", strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000), Limits{}, strings.Repeat("/a", DefaultMaxDepth), norm.CodeTooDeep},
		{"depth limit of 3", `{"a":{"b":[[1]]}}`, Limits{MaxDepth: 3}, "/a/b/0", norm.CodeTooDeep},
		{"1 MB string over the default limit", bigString, Limits{}, "", norm.CodeTooLarge},
		{"1 MB string over a 64 KiB limit", bigString, Limits{MaxBytes: 64 << 10}, "", norm.CodeTooLarge},
		{"NaN", `{"score": NaN}`, Limits{}, "/score", norm.CodeSyntax},
		{"Infinity", `[1, Infinity]`, Limits{}, "/1", norm.CodeSyntax},
		{"-Infinity", `{"a": -Infinity}`, Limits{}, "/a", norm.CodeSyntax},
		{"1e999", `{"a": {"b": 1e999}}`, Limits{}, "/a/b", norm.CodeRange},
		{"-1e999", `[-1e999]`, Limits{}, "/0", norm.CodeRange},
		{"400 digits", `[` + strings.Repeat("9", 400) + `]`, Limits{}, "/0", norm.CodeRange},
		{"101 digits", `[` + strings.Repeat("1", 101) + `]`, Limits{}, "/0", norm.CodeRange},
		{"long fraction", `[0.` + strings.Repeat("0", 200) + `1]`, Limits{}, "/0", norm.CodeRange},
		{"underflow", `{"a": 1e-400}`, Limits{}, "/a", norm.CodeRange},
		{"huge negative exponent", `[1e-99999999999999999999]`, Limits{}, "/0", norm.CodeRange},
		{"zero with a huge exponent", `[0e-400000]`, Limits{}, "/0", norm.CodeRange},
		{"huge positive exponent on zero", `[0.0E+99999]`, Limits{}, "/0", norm.CodeRange},
		{"invalid UTF-8 in a value", "{\"name\": \"caf\xe9\"}", Limits{}, "/name", norm.CodeInvalidUTF8},
		{"invalid UTF-8 in a key", "{\"caf\xe9\": 1}", Limits{}, "/caf\xe9", norm.CodeInvalidUTF8},
		{"invalid UTF-8 outside strings", "[1, \xff]", Limits{}, "", norm.CodeInvalidUTF8},
		{"overlong UTF-8", "[\"\xc0\xaf\"]", Limits{}, "/0", norm.CodeInvalidUTF8},
		{"UTF-16 surrogate in UTF-8", "[\"\xed\xa0\x80\"]", Limits{}, "/0", norm.CodeInvalidUTF8},
		{"lone surrogate escape", `["\ud800"]`, Limits{}, "/0", norm.CodeInvalidUTF8},
		{"reversed surrogate pair", `["\udc00\ud800"]`, Limits{}, "/0", norm.CodeInvalidUTF8},
		{"duplicate key at top level", `{"a": 1, "b": 2, "a": 3}`, Limits{}, "/a", norm.CodeDuplicateKey},
		{"duplicate key nested", `{"answers": [{"x": 1}, {"value": 1, "value": 2}]}`, Limits{}, "/answers/1/value", norm.CodeDuplicateKey},
		{"duplicate key spelled with an escape", `{"value": 1, "\u0076alue": 2}`, Limits{}, "/value", norm.CodeDuplicateKey},
		{"duplicate key in a large object", largeObject(40, "k7"), Limits{}, "/k7", norm.CodeDuplicateKey},
		{"duplicate key with escapes in a large object", largeObject(40, `k\u00331`), Limits{}, "/k31", norm.CodeDuplicateKey},
		{"duplicate key with a slash", `{"a/b": 1, "a/b": 2}`, Limits{}, "/a~1b", norm.CodeDuplicateKey},
		{"empty", ``, Limits{}, "", norm.CodeSyntax},
		{"only spaces", "  \n ", Limits{}, "", norm.CodeSyntax},
		{"trailing text", `{} {}`, Limits{}, "", norm.CodeSyntax},
		{"trailing comma", `{"a": [1, 2,]}`, Limits{}, "/a", norm.CodeSyntax},
		{"missing colon", `{"a" 1}`, Limits{}, "/a", norm.CodeSyntax},
		{"single quotes", `{'a': 1}`, Limits{}, "", norm.CodeSyntax},
		{"unquoted key", `{"a": {b: 1}}`, Limits{}, "/a", norm.CodeSyntax},
		{"unclosed string", `{"a": "b`, Limits{}, "/a", norm.CodeSyntax},
		{"unclosed array", `[1, 2`, Limits{}, "", norm.CodeSyntax},
		{"array ends after a comma", `{"a": [1,`, Limits{}, "/a", norm.CodeSyntax},
		{"object value missing", `{"a": }`, Limits{}, "/a", norm.CodeSyntax},
		{"control character", "[\"a\tb\"]", Limits{}, "/0", norm.CodeSyntax},
		{"bad escape", `["\x41"]`, Limits{}, "/0", norm.CodeSyntax},
		{"short unicode escape", `["\u12"]`, Limits{}, "/0", norm.CodeSyntax},
		{"leading zero", `[01]`, Limits{}, "", norm.CodeSyntax},
		{"plus sign", `[+1]`, Limits{}, "", norm.CodeSyntax},
		{"bare dot", `[1.]`, Limits{}, "/0", norm.CodeSyntax},
		{"bare exponent", `[1e]`, Limits{}, "/0", norm.CodeSyntax},
		{"byte order mark", "\ufeff{}", Limits{}, "", norm.CodeSyntax},
		{"true misspelled", `[tru]`, Limits{}, "/0", norm.CodeSyntax},
		{"comment", `{"a": 1 /* x */}`, Limits{}, "", norm.CodeSyntax},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			buf, probs := Read(strings.NewReader(tc.in), tc.lim)
			require.Nil(t, buf)
			requireProblem(t, probs, tc.pointer, tc.code)
			// Parse agrees with Read.
			if tc.code != norm.CodeTooLarge {
				tree, pprobs := Parse([]byte(tc.in), tc.lim)
				require.Nil(t, tree)
				requireProblem(t, pprobs, tc.pointer, tc.code)
			}
		})
	}
}

// largeObject has n distinct keys k0..k(n-1) and then dup once more.
func largeObject(n int, dup string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`"k` + itoa(i) + `": 1`)
	}
	b.WriteString(`, "` + dup + `": 2}`)
	return b.String()
}

func itoa(i int) string { return string(appendInt(nil, i)) }

func appendInt(b []byte, i int) []byte {
	if i >= 10 {
		b = appendInt(b, i/10)
	}
	return append(b, byte('0'+i%10))
}

func TestReadSyntaxMessageHasOffset(t *testing.T) {
	_, probs := Read(strings.NewReader(`{"a": [1, 2,]}`), Limits{})
	require.Len(t, probs, 1)
	assert.Contains(t, probs[0].Message.EN, "byte offset 12")
	assert.Contains(t, probs[0].Message.NL, "byte-positie 12")
	assert.NotEqual(t, probs[0].Message.NL, probs[0].Message.EN)
}

func TestReadCollectsSeveralProblems(t *testing.T) {
	in := "{\"a\": 1, \"a\": 2, \"b\": {\"c\": \"\xff\", \"c\": 1e400}}"
	_, probs := Read(strings.NewReader(in), Limits{})
	require.Len(t, probs, 4)
	assert.Equal(t, []string{"/a", "/b/c", "/b/c", "/b/c"}, pointers(probs))
	assert.Equal(t, []norm.ProblemCode{norm.CodeDuplicateKey, norm.CodeDuplicateKey, norm.CodeInvalidUTF8, norm.CodeRange}, codes(probs))
}

func TestReadCapsProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 500 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`"a": 1`)
	}
	b.WriteString("}")
	_, probs := Read(strings.NewReader(b.String()), Limits{})
	assert.LessOrEqual(t, len(probs), maxProblems+1)
}

func pointers(probs []norm.Problem) []string {
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = p.Pointer
	}
	return out
}

func codes(probs []norm.Problem) []norm.ProblemCode {
	out := make([]norm.ProblemCode, len(probs))
	for i, p := range probs {
		out[i] = p.Code
	}
	return out
}

func TestReadAccepts(t *testing.T) {
	tests := []string{
		`{}`, `[]`, `0`, `-0.5e+10`, `"x"`, `true`, `false`, `null`,
		` {"a": [1, 2, {"b": null}], "c": "\u00e9\ud83d\ude00\n\"\\\/"} `,
		`{"a": 1, "A": 2}`,     // keys differ in case: not duplicates
		`[{"a": 1}, {"a": 2}]`, // same key in two objects
		`{"a": {"x": 1}, "b": {"x": 1}}`,
		largeObject(40, "k40"),
		`1e308`, `-1.7976931348623157e308`, `5e-324`, `0e10`, `0.0`, `1E+2`, `123456789012345678901234567890`,
		"[\"caf\u00e9 \u2603 \U0001F600\"]",
		string(fxDocument()),
	}
	for _, in := range tests {
		name := in
		if len(name) > 40 {
			name = name[:40]
		}
		t.Run(name, func(t *testing.T) {
			buf, probs := Read(strings.NewReader(in), Limits{})
			require.Empty(t, probs)
			assert.Equal(t, in, string(buf))
			tree, probs := Parse([]byte(in), Limits{})
			require.Empty(t, probs)
			dec := json.NewDecoder(strings.NewReader(in))
			dec.UseNumber()
			var want any
			require.NoError(t, dec.Decode(&want))
			assert.Equal(t, want, tree, "Parse builds the tree encoding/json builds")
		})
	}
}

func TestReadDepthBoundary(t *testing.T) {
	at := strings.Repeat("[", DefaultMaxDepth) + strings.Repeat("]", DefaultMaxDepth)
	_, probs := Read(strings.NewReader(at), Limits{})
	assert.Empty(t, probs, "exactly MaxDepth levels are allowed")
	_, probs = Read(strings.NewReader("["+at+"]"), Limits{})
	requireProblem(t, probs, strings.Repeat("/0", DefaultMaxDepth), norm.CodeTooDeep)
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	_, probs = Read(strings.NewReader(deep), Limits{MaxDepth: 10000})
	assert.Empty(t, probs, "a raised limit is honoured")
}

func TestReadMaxBytesBoundary(t *testing.T) {
	doc := `{"a": "` + strings.Repeat("x", 100) + `"}`
	_, probs := Read(strings.NewReader(doc), Limits{MaxBytes: int64(len(doc))})
	assert.Empty(t, probs)
	_, probs = Read(strings.NewReader(doc), Limits{MaxBytes: int64(len(doc)) - 1})
	requireProblem(t, probs, "", norm.CodeTooLarge)
	// A reader that does not know its length.
	_, probs = Read(io.MultiReader(strings.NewReader(doc)), Limits{MaxBytes: int64(len(doc))})
	assert.Empty(t, probs)
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

type stuckReader struct{}

func (stuckReader) Read([]byte) (int, error) { return 0, nil }

func TestReadReaderError(t *testing.T) {
	_, probs := Read(stuckReader{}, Limits{})
	requireProblem(t, probs, "", norm.CodeSyntax)
	_, probs = Read(failingReader{}, Limits{})
	requireProblem(t, probs, "", norm.CodeSyntax)
	_, probs = Read(nil, Limits{})
	requireProblem(t, probs, "", norm.CodeSyntax)
}

func TestComparePointers(t *testing.T) {
	ps := []string{"/b", "/a/10", "", "/a/2", "/a", "/a/2/x", "/a/b"}
	got := finish(func() []norm.Problem {
		var out []norm.Problem
		for _, p := range ps {
			out = append(out, norm.Problem{Pointer: p, Code: norm.CodeSchema})
		}
		return out
	}())
	assert.Equal(t, []string{"", "/a", "/a/2", "/a/2/x", "/a/10", "/a/b", "/b"}, pointers(got))
}

func TestReadDoesNotKeepReading(t *testing.T) {
	// The body is larger than the limit by far; a small limit means a
	// small read even when the reader could give everything at once.
	big := bytes.Repeat([]byte("a"), 1<<20)
	r := bytes.NewReader(big)
	_, probs := Read(r, Limits{MaxBytes: 10})
	requireProblem(t, probs, "", norm.CodeTooLarge)
	assert.Equal(t, int64(len(big)-11), int64(r.Len()), "exactly MaxBytes+1 bytes were taken")
}
