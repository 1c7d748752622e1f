package checklist

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// endless yields the start of an assessment and then spaces up to max bytes, counting what
// was read, so a test can check that the decoder stopped early instead of
// holding a 100 MB body in memory.
type endless struct {
	head string
	read int64
	max  int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.read >= e.max {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && e.read < e.max {
		if e.read < int64(len(e.head)) {
			p[n] = e.head[e.read]
		} else {
			p[n] = ' '
		}
		n++
		e.read++
	}
	return n, nil
}

// TestDecodeAssessmentHostile feeds the hostile inputs of issue 8 to the
// decoder: each is refused with the typed error and the expected code, and
// nothing is decoded.
func TestDecodeAssessmentHostile(t *testing.T) {
	name := strings.Repeat("x", 1<<20)
	cases := []struct {
		name    string
		r       func() io.Reader
		opts    []DecodeOption
		pointer string
		code    norm.ProblemCode
	}{
		{"a 100 MB file", func() io.Reader {
			return &endless{head: `{"version": "1", "organisation": {"name": "`, max: 100 << 20}
		}, nil, "", norm.CodeTooLarge},
		{"10,000 nested arrays", func() io.Reader {
			return strings.NewReader(`{"answers": {"GG01-1": {"value": ` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}}}`)
		}, nil, "", norm.CodeTooDeep},
		{"a 1 MB name, under a raised size limit", func() io.Reader {
			return strings.NewReader(editBase(t, `"name": "Gemeente Testdorp (fictief)"`, `"name": "`+name+`"`))
		}, []DecodeOption{WithLimits(form.Limits{MaxBytes: 4 << 20})}, "/organisation/name", norm.CodeRange},
		{"a 1 MB name, default limit", func() io.Reader {
			return strings.NewReader(editBase(t, `"name": "Gemeente Testdorp (fictief)"`, `"name": "`+name+`"`))
		}, nil, "", norm.CodeTooLarge},
		{"NaN", func() io.Reader { return strings.NewReader(editBase(t, `"value": 80`, `"value": NaN`)) }, nil, "", norm.CodeSyntax},
		{"a huge number", func() io.Reader { return strings.NewReader(editBase(t, `"value": 80`, `"value": 1e999`)) }, nil, "/answers/GG01-1/value", norm.CodeRange},
		{"invalid UTF-8", func() io.Reader {
			return strings.NewReader(editBase(t, `"Gemeente Testdorp (fictief)"`, "\"Gemeente \xff\xfe\""))
		}, nil, "", norm.CodeInvalidUTF8},
		{"duplicate keys hiding a tampered answer", func() io.Reader {
			return strings.NewReader(editBase(t, `"GG01-2": {"value": "both"}`, `"GG01-2": {"value": "none", "value": "both"}`))
		}, nil, "/answers/GG01-2/value", norm.CodeDuplicateKey},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r()
			a, err := DecodeAssessment(r, tc.opts...)
			require.Error(t, err)
			var ne *norm.Error
			require.True(t, errors.As(err, &ne), "%T is not a *norm.Error", err)
			assert.Equal(t, Assessment{}, a)
			require.NotEmpty(t, ne.Problems)
			assert.True(t, hasCode(ne, tc.code, tc.pointer), "want %s at %q, got:\n%s", tc.code, tc.pointer, ne)
			if e, ok := r.(*endless); ok {
				assert.LessOrEqual(t, e.read, int64(2<<20), "read %d bytes of a 100 MB stream", e.read)
			}
		})
	}
}

// hasCode reports whether a problem with the code is listed, at the pointer
// when one is given.
func hasCode(e *norm.Error, code norm.ProblemCode, pointer string) bool {
	for _, p := range e.Problems {
		if p.Code == code && (pointer == "" || p.Pointer == pointer) {
			return true
		}
	}
	return false
}
