package checklist

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

// FuzzAppendJSONString: strings are written as encoding/json writes
// them, whatever their bytes.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", "<a href=\"x\">&amp;</a>", "\x00\x1f\x7f\b\f\n\r\t\\", "\u2028\u2029", "\xff\xed\xa0\x80", "é😀", "\xf0\x9f\x98",
		"eight ok", "sixteen bytes ok", "seven..<", "........\x1f.......", "........ ......\x7f", "1234567&12345678", "antwoord: ja; norm: ≥ 95% voldaan", "\x20\x20\x20\x20\x20\x20\x20\x1f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	})
}

// FuzzAppendJSONFloat: numbers are written as encoding/json writes a
// float64, in both notations.
func FuzzAppendJSONFloat(f *testing.F) {
	for _, x := range []float64{0, math.Copysign(0, -1), 1, -1.5, 55, 1e-6, 9.99e-7, 1e-7, 1e15, 1e15 - 1, -(1e15 - 1), 1e20, 1e21, 123456789e15, math.MaxFloat64, math.SmallestNonzeroFloat64, 1.0 / 3} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		want, werr := json.Marshal(x)
		var e jsonAppender
		e.float(x)
		if (werr != nil) != (e.err != nil) {
			t.Fatalf("%v: error %v, encoding/json %v", x, e.err, werr)
		}
		if werr == nil && string(e.b) != string(want) {
			t.Fatalf("%v: got %s, want %s", x, e.b, want)
		}
	})
}

// referenceValue is Value.UnmarshalJSON as it was, reading everything
// through encoding/json: what the fast paths must agree with.
func referenceValue(b []byte) (Value, bool) {
	var raw any
	if json.Unmarshal(b, &raw) != nil {
		return Value{}, false
	}
	switch x := raw.(type) {
	case nil:
		return Value{}, true
	case bool:
		return Bool(x), true
	case float64:
		return Number(x), true
	case string:
		return Value{kind: KindString, s: x}, true
	case []any:
		var l []string
		if json.Unmarshal(b, &l) != nil {
			return Value{}, false
		}
		if l == nil {
			l = []string{}
		}
		return Value{kind: KindList, list: l}, true
	}
	return Value{}, false
}

// FuzzValueUnmarshalJSON: the answer decoder's own number and list
// readers accept what encoding/json accepts and read the same value.
func FuzzValueUnmarshalJSON(f *testing.F) {
	for _, s := range []string{`0`, `-0`, `1.5e3`, `01`, `1.`, `.5`, `-`, `1e400`, `1E-2`, `+1`, `0x10`, `1_000`, `Infinity`, `NaN`,
		`[]`, `[""]`, `["a","b"]`, `["a",]`, `[,"a"]`, `["a" ,"b"]`, `["a\"b"]`, `["é"]`, `[1]`, `["a"]]`, `[["a"]]`, `true`, `"x"`, `null`, ` 1 `} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want, ok := referenceValue(b)
		var got Value
		err := got.UnmarshalJSON(b)
		if ok && (math.IsInf(want.n, 0) || math.IsNaN(want.n)) {
			ok = false
		}
		if (err == nil) != ok {
			t.Fatalf("%q: error %v, encoding/json accepts: %v", b, err, ok)
		}
		if ok && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %#v, want %#v", b, got, want)
		}
	})
}

// TestPlainWord: the eight-byte test agrees with the byte table for every
// byte value in every position, beside neighbours at the edges of the
// safe range (a borrow from one lane must not hide the next).
func TestPlainWord(t *testing.T) {
	safe := func(c byte) bool { return c < 0x80 && jsonSafe[c] }
	for _, bg := range []byte{' ', '!', 'a', '~', 0x7f, 0x1f, 0} {
		for pos := range 8 {
			for c := range 256 {
				var w uint64
				want := true
				for lane := range 8 {
					b := bg
					if lane == pos {
						b = byte(c)
					}
					want = want && safe(b)
					w |= uint64(b) << (8 * lane)
				}
				if got := plainWord(w); got != want {
					t.Fatalf("background %#x, byte %#x at %d: plainWord %v, want %v", bg, c, pos, got, want)
				}
			}
		}
	}
}
