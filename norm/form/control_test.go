package form

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// A value refused by norm.LinePattern or TextPattern gets the message
// that names the character; any other pattern is quoted in the message
// with its control characters escaped.
func TestPatternMessages(t *testing.T) {
	schema := func(p string) []byte {
		b, err := json.Marshal(map[string]any{"type": "string", "pattern": p})
		require.NoError(t, err)
		return b
	}
	v, err := NewValidator(schema(norm.LinePattern))
	require.NoError(t, err)
	ps := v.Validate([]byte(`"ab\u001bc"`))
	require.Len(t, ps, 1)
	assert.Equal(t, norm.CodeFormat, ps[0].Code)
	assert.Contains(t, ps[0].Message.EN, "control character (U+001B) at position 3")

	v, err = NewValidator(schema(norm.TextPattern))
	require.NoError(t, err)
	assert.Empty(t, v.Validate([]byte(`"regel 1\nregel 2\tmet tab"`)))
	ps = v.Validate([]byte(`"x\u202ey"`))
	require.Len(t, ps, 1)
	assert.Contains(t, ps[0].Message.NL, "schrijfrichting omkeert (U+202E) op positie 2")

	v, err = NewValidator(schema("^a\u0007$"))
	require.NoError(t, err)
	ps = v.Validate([]byte(`"b"`))
	require.Len(t, ps, 1)
	assert.Contains(t, ps[0].Message.EN, `^a\x07$`)
	assert.False(t, strings.ContainsRune(ps[0].Message.EN, 7))
}

// The schema writer escapes C1 controls, separators and direction
// characters, so that patterns holding them stay readable in the files.
func TestAppendStringEscapesInvisibles(t *testing.T) {
	got := string(appendString(nil, "a\x7f\u0085\u2028\u202e\u2069é"))
	assert.Equal(t, `"a\u007f\u0085\u2028\u202e\u2069é"`, got)
	var back string
	require.NoError(t, json.Unmarshal([]byte(got), &back))
	assert.Equal(t, "a\x7f\u0085\u2028\u202e\u2069é", back)
}
