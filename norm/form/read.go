package form

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Limits bound what a decoder reads. Zero fields mean the defaults.
type Limits struct {
	// MaxBytes is the largest document accepted, in bytes. Reading stops
	// after MaxBytes+1 bytes, so a huge body is never read whole.
	MaxBytes int64
	// MaxDepth is the deepest nesting of arrays and objects accepted; a
	// top-level object is depth 1.
	MaxDepth int
}

// The default limits. A full self-assessment is about 10 KB and nests
// about five deep, so both leave ample room while keeping hostile input
// cheap to refuse.
const (
	DefaultMaxBytes = 1 << 20 // 1 MiB
	DefaultMaxDepth = 32
)

// maxProblems caps the problems one document can produce, so that a
// document built to fail in every element cannot make the report itself
// huge.
const maxProblems = norm.MaxProblems

func (l Limits) maxBytes() int64 {
	if l.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return l.MaxBytes
}

func (l Limits) maxDepth() int {
	if l.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return l.MaxDepth
}

// Read reads at most lim.MaxBytes from r and checks that the bytes are one
// well-formed JSON value in valid UTF-8, nested no deeper than
// lim.MaxDepth, with no key twice in any object, no NaN or Infinity and no
// number beyond the range of a float64. It returns the bytes, or nil and
// the problems found.
//
// Reading stops after MaxBytes+1 bytes: a larger body is refused with
// [norm.CodeTooLarge] without being read whole. The check is a single pass
// over the bytes that builds no tree. Syntax errors, too-deep nesting and
// oversize input end the check; invalid UTF-8, duplicate keys and
// out-of-range numbers are collected, up to 100 problems.
func Read(r io.Reader, lim Limits) ([]byte, []norm.Problem) {
	buf, probs := readLimited(r, lim)
	if probs != nil {
		return nil, probs
	}
	p := newParser(buf, lim, false)
	p.document()
	if len(p.probs) > 0 {
		return nil, finish(p.probs)
	}
	return buf, nil
}

// readLimited reads up to MaxBytes+1 bytes and refuses anything longer.
func readLimited(r io.Reader, lim Limits) ([]byte, []norm.Problem) {
	max := lim.maxBytes()
	if r == nil {
		return nil, []norm.Problem{syntaxProblem("", 0, norm.T("er is geen invoer", "there is no input"))}
	}
	// Size the buffer once when the reader knows its length.
	size := int64(512)
	if l, ok := r.(interface{ Len() int }); ok {
		size = int64(l.Len()) + 1
	}
	if size > max+1 {
		size = max + 1
	}
	buf := make([]byte, 0, size)
	lr := io.LimitedReader{R: r, N: max + 1}
	empty := 0
	for {
		if len(buf) == cap(buf) {
			// Double, but never past the limit: a hostile body costs at
			// most about twice MaxBytes in allocations.
			n := min(2*int64(cap(buf)), max+1)
			if n <= int64(cap(buf)) {
				n = int64(cap(buf)) + 512
			}
			nb := make([]byte, len(buf), n)
			copy(nb, buf)
			buf = nb
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if n == 0 && err == nil {
			// A reader that keeps returning nothing would spin for ever.
			if empty++; empty >= 100 {
				err = io.ErrNoProgress
			}
		} else {
			empty = 0
		}
		if err != nil {
			return nil, []norm.Problem{{
				Code:    norm.CodeSyntax,
				Message: norm.Textf("de invoer kon niet worden gelezen: %v", "the input could not be read: %v", err),
			}}
		}
	}
	if int64(len(buf)) > max {
		return nil, []norm.Problem{tooLarge(max)}
	}
	return buf, nil
}

// pathTok is one step of the path to the value being parsed: an object
// key (a span of the input, unescaped when the pointer is built) or an
// array index.
type pathTok struct {
	start, end int // key span, quotes excluded; end < 0 for an index
	idx        int
}

// keySpan is a key of an open object: a span of the input, or of the
// arena when the key had escapes.
type keySpan struct {
	start, end int
	arena      bool
}

// parser is a single-pass JSON checker that can also build the tree that
// the schema validator takes (maps, slices, json.Number, string, bool,
// nil).
type parser struct {
	buf []byte
	pos int
	// badAt is the offset of invalid UTF-8 found by the last str call
	// (-1 for none); badSurrogate says it was an unpaired \u escape.
	badAt        int
	badSurrogate bool
	maxDepth     int
	depth        int
	build        bool
	fatal        bool
	probs        []norm.Problem
	src          string // buf as one string, so tree strings are substrings of it
	seed         maphash.Seed
	path         []pathTok
	keys         []keySpan
	pathBuf      [16]pathTok
	keysBuf      [64]keySpan
	arena        []byte
}

func newParser(buf []byte, lim Limits, build bool) *parser {
	p := &parser{buf: buf, maxDepth: lim.maxDepth(), build: build}
	p.path = p.pathBuf[:0]
	p.keys = p.keysBuf[:0]
	if build {
		p.src = string(buf)
	}
	return p
}

// document parses exactly one value surrounded by optional whitespace.
func (p *parser) document() any {
	p.skipSpace()
	if p.pos >= len(p.buf) {
		p.syntax(norm.T("het document is leeg", "the document is empty"))
		return nil
	}
	v := p.value()
	if p.fatal {
		return nil
	}
	p.skipSpace()
	if p.pos < len(p.buf) {
		p.syntax(norm.T("na de JSON-waarde volgt nog tekst", "there is more text after the JSON value"))
		return nil
	}
	return v
}

func (p *parser) skipSpace() {
	for p.pos < len(p.buf) {
		switch p.buf[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) add(pr norm.Problem) {
	if len(p.probs) >= maxProblems {
		p.fatal = true
		return
	}
	p.probs = append(p.probs, pr)
}

// syntax records a fatal syntax error at the current offset.
func (p *parser) syntax(what norm.Text) {
	p.add(syntaxProblem(p.pointer(), p.pos, what))
	p.fatal = true
}

func syntaxProblem(ptr string, off int, what norm.Text) norm.Problem {
	return norm.Problem{
		Pointer: ptr,
		Code:    norm.CodeSyntax,
		Message: norm.Text{
			NL: fmt.Sprintf("ongeldige JSON op byte-positie %d: %s", off, what.NL),
			EN: fmt.Sprintf("invalid JSON at byte offset %d: %s", off, what.EN),
		},
	}
}

// unexpected reports the byte at the current offset, naming NaN and
// Infinity and bytes that are not UTF-8 apart.
// What follows a member of an object or an element of an array.
const (
	sepMore = iota // ',': another one follows
	sepEnd         // the closing bracket or brace
	sepBad         // anything else, reported
)

// separator consumes what follows a member or element: a comma, or close,
// which ends the container and restores the path to top. Anything else is
// reported as unexpected, with expected as what would have been right.
func (p *parser) separator(close byte, expected norm.Text, top int) int {
	p.skipSpace()
	if p.pos < len(p.buf) {
		switch p.buf[p.pos] {
		case ',':
			p.pos++
			return sepMore
		case close:
			p.pos++
			p.path = p.path[:top]
			return sepEnd
		}
	}
	p.path = p.path[:top]
	p.unexpected(expected)
	return sepBad
}

func (p *parser) unexpected(expected norm.Text) {
	rest := p.buf[p.pos:]
	for _, lit := range nanLiterals {
		if bytes.HasPrefix(rest, []byte(lit)) {
			p.syntax(norm.Textf("%s is geen JSON-getal", "%s is not a JSON number", lit))
			return
		}
	}
	if len(rest) == 0 {
		p.syntax(norm.Text{
			NL: "het document houdt onverwacht op; verwacht: " + expected.NL,
			EN: "unexpected end of the document; expected " + expected.EN,
		})
		return
	}
	c := rest[0]
	if c >= utf8.RuneSelf {
		if r, _ := utf8.DecodeRune(rest); r == utf8.RuneError {
			p.add(norm.Problem{Pointer: p.pointer(), Code: norm.CodeInvalidUTF8, Message: norm.Textf(
				"ongeldige UTF-8 op byte-positie %d", "invalid UTF-8 at byte offset %d", p.pos)})
			p.fatal = true
			return
		}
	}
	q := quoteByte(rest)
	p.syntax(norm.Text{
		NL: "onverwacht teken " + q + "; verwacht: " + expected.NL,
		EN: "unexpected character " + q + "; expected " + expected.EN,
	})
}

func quoteByte(b []byte) string {
	r, _ := utf8.DecodeRune(b)
	if r == utf8.RuneError {
		return strconv.Quote(string(b[:1]))
	}
	return strconv.QuoteRune(r)
}

var (
	expValue      = norm.T("een waarde", "a value")
	expKey        = norm.T("een sleutel tussen aanhalingstekens", "a quoted key")
	expColon      = norm.T("':'", "':'")
	expCommaBrace = norm.T("',' of '}'", "',' or '}'")
	expCommaBrack = norm.T("',' of ']'", "',' or ']'")
)

func (p *parser) value() any {
	if p.pos >= len(p.buf) {
		p.missingValue()
		return nil
	}
	switch c := p.buf[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		start, end, esc := p.str()
		if !p.fatal {
			p.reportBadString()
		}
		if p.fatal || !p.build {
			return nil
		}
		return p.text(start, end, esc)
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return p.literal("true", true)
	case c == 'f':
		return p.literal("false", false)
	case c == 'n':
		return p.literal("null", nil)
	default:
		p.missingValue()
		return nil
	}
}

// missingValue reports that no value starts here. Inside an array the
// element does not exist, so the problem points at the array; NaN and
// Infinity are values of a kind and keep the element's pointer.
func (p *parser) missingValue() {
	n := len(p.path)
	if n == 0 || p.path[n-1].end >= 0 || nanLike(p.buf[p.pos:]) {
		p.unexpected(expValue)
		return
	}
	top := p.path[n-1]
	p.path = p.path[:n-1]
	p.unexpected(expValue)
	p.path = append(p.path, top)
}

var nanLiterals = []string{"NaN", "Infinity", "-Infinity", "+Infinity", "-NaN", "+NaN"}

func nanLike(b []byte) bool {
	for _, lit := range nanLiterals {
		if bytes.HasPrefix(b, []byte(lit)) {
			return true
		}
	}
	return false
}

func (p *parser) literal(lit string, v any) any {
	if len(p.buf)-p.pos >= len(lit) && string(p.buf[p.pos:p.pos+len(lit)]) == lit {
		p.pos += len(lit)
		return v
	}
	p.unexpected(expValue)
	return nil
}

func (p *parser) enter() bool {
	p.depth++
	if p.depth > p.maxDepth {
		p.add(norm.Problem{Pointer: p.pointer(), Code: norm.CodeTooDeep, Message: norm.Textf(
			"het document is dieper genest dan de toegestane %d niveaus", "the document nests deeper than the allowed %d levels", p.maxDepth)})
		p.fatal = true
		return false
	}
	return true
}

func (p *parser) array() any {
	if !p.enter() {
		return nil
	}
	defer func() { p.depth-- }()
	p.pos++ // [
	var out []any
	if p.build {
		out = make([]any, 0, 4)
	}
	p.skipSpace()
	if p.pos < len(p.buf) && p.buf[p.pos] == ']' {
		p.pos++
		return out
	}
	p.path = append(p.path, pathTok{end: -1})
	top := len(p.path) - 1
	for i := 0; ; i++ {
		p.path[top].idx = i
		p.skipSpace()
		v := p.value()
		if p.fatal {
			return nil
		}
		if p.build {
			out = append(out, v)
		}
		switch p.separator(']', expCommaBrack, top) {
		case sepEnd:
			return out
		case sepBad:
			return nil
		}
	}
}

// linearKeys is the object size up to which duplicate keys are found by
// comparing with each earlier key; larger objects use a map.
const linearKeys = 16

func (p *parser) object() any {
	if !p.enter() {
		return nil
	}
	defer func() { p.depth-- }()
	p.pos++ // {
	var out map[string]any
	if p.build {
		out = make(map[string]any)
	}
	p.skipSpace()
	if p.pos < len(p.buf) && p.buf[p.pos] == '}' {
		p.pos++
		return out
	}
	keyBase := len(p.keys)
	arenaBase := len(p.arena)
	defer func() {
		p.keys = p.keys[:keyBase]
		p.arena = p.arena[:arenaBase]
	}()
	var seen map[uint64]int // key hash to key index, for large objects when not building
	top := len(p.path)
	for {
		p.path = p.path[:top] // errors before the key is known point at the object
		p.skipSpace()
		if p.pos >= len(p.buf) || p.buf[p.pos] != '"' {
			p.unexpected(expKey)
			return nil
		}
		start, end, esc := p.str()
		if p.fatal {
			return nil
		}
		p.path = append(p.path, pathTok{start: start, end: end})
		p.reportBadString()
		if p.fatal {
			return nil
		}
		// Duplicate check.
		var key string
		dup := false
		if p.build {
			key = p.text(start, end, esc)
			_, dup = out[key]
		} else {
			ks := keySpan{start: start, end: end}
			if esc {
				ks = keySpan{start: len(p.arena), arena: true}
				p.arena = appendUnescaped(p.arena, p.buf[start:end])
				ks.end = len(p.arena)
			}
			kb := p.keyBytes(ks)
			n := len(p.keys) - keyBase
			switch {
			case n < linearKeys:
				for _, o := range p.keys[keyBase:] {
					if bytes.Equal(p.keyBytes(o), kb) {
						dup = true
						break
					}
				}
			default:
				if seen == nil {
					p.seed = maphash.MakeSeed()
					seen = make(map[uint64]int, 2*linearKeys)
					for i, o := range p.keys[keyBase:] {
						seen[maphash.Bytes(p.seed, p.keyBytes(o))] = keyBase + i
					}
				}
				h := maphash.Bytes(p.seed, kb)
				if j, hit := seen[h]; hit {
					// Equal hashes: compare, and on a collision look at every key.
					dup = bytes.Equal(p.keyBytes(p.keys[j]), kb)
					if !dup {
						for _, o := range p.keys[keyBase:] {
							if bytes.Equal(p.keyBytes(o), kb) {
								dup = true
								break
							}
						}
					}
				} else {
					seen[h] = len(p.keys)
				}
			}
			p.keys = append(p.keys, ks)
		}
		if dup {
			p.add(norm.Problem{Pointer: p.pointer(), Code: norm.CodeDuplicateKey, Message: norm.T(
				"deze sleutel staat meer dan eens in hetzelfde object",
				"this key occurs more than once in the same object")})
			if p.fatal {
				return nil
			}
		}
		p.skipSpace()
		if p.pos >= len(p.buf) || p.buf[p.pos] != ':' {
			p.unexpected(expColon)
			return nil
		}
		p.pos++
		p.skipSpace()
		v := p.value()
		if p.fatal {
			return nil
		}
		if p.build && !dup {
			out[key] = v
		}
		switch p.separator('}', expCommaBrace, top) {
		case sepEnd:
			return out
		case sepBad:
			return nil
		}
	}
}

func (p *parser) keyBytes(k keySpan) []byte {
	if k.arena {
		return p.arena[k.start:k.end]
	}
	return p.buf[k.start:k.end]
}

// text returns the string value of the span [start,end) of the input.
func (p *parser) text(start, end int, esc bool) string {
	if !esc {
		return p.src[start:end]
	}
	return string(appendUnescaped(nil, p.buf[start:end]))
}

// str scans a string starting at the opening quote and returns the span
// of its contents and whether it has escapes. Control characters and
// malformed escapes are fatal; invalid UTF-8 and unpaired surrogates are
// recorded once per string and scanning goes on.
func (p *parser) str() (start, end int, esc bool) {
	p.pos++ // opening quote
	start = p.pos
	buf := p.buf
	p.badAt = -1
	badUTF8 := false
	for i := p.pos; ; {
		if i >= len(buf) {
			p.pos = i
			p.syntax(norm.T("een tekst zonder afsluitend aanhalingsteken", "a string without a closing quote"))
			return
		}
		c := buf[i]
		if plain[c] {
			i++
			continue
		}
		switch {
		case c == '"':
			p.pos = i + 1
			return start, i, esc
		case c == '\\':
			esc = true
			if i+1 >= len(buf) {
				p.pos = i
				p.syntax(norm.T("een onvolledige escape-reeks", "an incomplete escape sequence"))
				return
			}
			switch buf[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				r, ok := hex4(buf, i+2)
				if !ok {
					p.pos = i
					p.syntax(norm.T("een ongeldige \\u-escape", "an invalid \\u escape"))
					return
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(0), false
					if r < 0xdc00 && i+1 < len(buf) && buf[i] == '\\' && buf[i+1] == 'u' {
						r2, ok2 = hex4(buf, i+2)
					}
					if ok2 && utf16.DecodeRune(r, r2) != utf8.RuneError {
						i += 6
					} else if !badUTF8 {
						badUTF8 = true
						p.badAt, p.badSurrogate = i-6, true
					}
				}
			default:
				p.pos = i
				p.syntax(norm.T("een ongeldige escape-reeks", "an invalid escape sequence"))
				return
			}
		case c < 0x20:
			p.pos = i
			p.syntax(norm.T("een stuurteken in een tekst (gebruik een escape)", "a control character in a string (escape it)"))
			return
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRune(buf[i:])
			if r == utf8.RuneError && size == 1 && !badUTF8 {
				badUTF8 = true
				p.badAt, p.badSurrogate = i, false
			}
			i += size
		}
	}
}

// reportBadString records the invalid UTF-8 that the last str call found,
// once the path names the string (for a key: the key itself).
func (p *parser) reportBadString() {
	if p.badAt < 0 {
		return
	}
	msg := norm.Textf("ongeldige UTF-8 op byte-positie %d", "invalid UTF-8 at byte offset %d", p.badAt)
	if p.badSurrogate {
		msg = norm.Textf("een losse surrogaat-escape op byte-positie %d is geen geldig teken",
			"an unpaired surrogate escape at byte offset %d is not a valid character", p.badAt)
	}
	p.badAt = -1
	p.add(norm.Problem{Pointer: p.pointer(), Code: norm.CodeInvalidUTF8, Message: msg})
}

// plain marks the bytes a string body can hold as they are: printable
// ASCII other than '"' and '\\'.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// appendUnescaped appends the unescaped form of a string body that str
// has already checked.
func appendUnescaped(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			j := bytes.IndexByte(s[i:], '\\')
			if j < 0 {
				return append(dst, s[i:]...)
			}
			dst = append(dst, s[i:i+j]...)
			i += j
			continue
		}
		switch s[i+1] {
		case 'u':
			r, _ := hex4(s, i+2)
			i += 6
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(s, i+2); ok && i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						r = d
						i += 6
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			dst = utf8.AppendRune(dst, r)
			continue
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		default: // " \ /
			dst = append(dst, s[i+1])
		}
		i += 2
	}
	return dst
}

// number scans a number per the JSON grammar and refuses values that
// overflow a float64.
func (p *parser) number() any {
	buf := p.buf
	start := p.pos
	i := p.pos
	if buf[i] == '-' {
		i++
	}
	switch {
	case i < len(buf) && buf[i] == '0':
		i++
	case i < len(buf) && buf[i] >= '1' && buf[i] <= '9':
		i = skipDigits(buf, i)
	default:
		if i == start+1 && i < len(buf) && buf[i] == 'I' {
			p.unexpected(expValue) // -Infinity
			return nil
		}
		return p.badNumber(i)
	}
	exp := false
	if i < len(buf) && buf[i] == '.' {
		i++
		if j := skipDigits(buf, i); j > i {
			i = j
		} else {
			return p.badNumber(i)
		}
	}
	if i < len(buf) && (buf[i] == 'e' || buf[i] == 'E') {
		exp = true
		i++
		if i < len(buf) && (buf[i] == '+' || buf[i] == '-') {
			i++
		}
		if j := skipDigits(buf, i); j > i {
			i = j
		} else {
			return p.badNumber(i)
		}
	}
	p.pos = i
	if msg, bad := numberRange(buf[start:i], exp); bad {
		p.add(norm.Problem{Pointer: p.pointer(), Code: norm.CodeRange, Message: msg})
		return nil
	}
	if !p.build {
		return nil
	}
	return json.Number(p.src[start:i])
}

// maxNumberLen bounds the length of a number literal. No form needs more
// digits, and the schema validator works with exact fractions, which a
// number with thousands of digits or an exponent of thousands makes slow
// to build.
const maxNumberLen = 100

// numberRange refuses a number that is too long, that overflows a
// float64, or whose exponent puts it beyond the smallest float64 (such as
// 1e-400 or 0e-99999): the validator would otherwise build fractions with
// huge denominators for them.
func numberRange(lit []byte, exp bool) (norm.Text, bool) {
	if len(lit) > maxNumberLen {
		return norm.Textf("het getal heeft meer dan %d tekens", "the number has more than %d characters", maxNumberLen), true
	}
	if !exp {
		return norm.Text{}, false // at most 100 digits: within range
	}
	e := bytes.IndexAny(lit, "eE")
	digits := lit[e+1:]
	if len(digits) > 0 && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	n := 0
	for _, c := range digits {
		if n = n*10 + int(c-'0'); n > 1000 {
			break
		}
	}
	f, err := strconv.ParseFloat(string(lit), 64)
	switch {
	case err != nil && math.IsInf(f, 0):
		return norm.T("het getal is te groot om weer te geven", "the number is too large to represent"), true
	case n > 400 || (f == 0 && nonZeroMantissa(lit[:e])):
		return norm.T("het getal ligt te dicht bij nul om weer te geven", "the number is too close to zero to represent"), true
	}
	return norm.Text{}, false
}

func nonZeroMantissa(m []byte) bool {
	for _, c := range m {
		if c >= '1' && c <= '9' {
			return true
		}
	}
	return false
}

// badNumber reports a malformed number at offset i.
func (p *parser) badNumber(i int) any {
	p.pos = i
	if i < len(p.buf) {
		p.unexpected(norm.T("een cijfer", "a digit"))
	} else {
		p.syntax(norm.T("een onvolledig getal", "an incomplete number"))
	}
	return nil
}

func skipDigits(buf []byte, i int) int {
	for i < len(buf) && buf[i] >= '0' && buf[i] <= '9' {
		i++
	}
	return i
}

// pointer renders the current path as a JSON pointer.
func (p *parser) pointer() string {
	if len(p.path) == 0 {
		return ""
	}
	toks := make([]string, len(p.path))
	for i, t := range p.path {
		if t.end < 0 {
			toks[i] = strconv.Itoa(t.idx)
			continue
		}
		raw := p.buf[t.start:t.end]
		if bytes.IndexByte(raw, '\\') >= 0 {
			toks[i] = string(appendUnescaped(nil, raw))
		} else {
			toks[i] = string(raw)
		}
	}
	return norm.Pointer(toks...)
}
