package norm

import (
	"fmt"

	"golang.org/x/text/language"
)

// Lang is the language of a text: Dutch first, English second.
type Lang string

// The languages every text exists in.
const (
	NL Lang = "nl"
	EN Lang = "en"
)

// Langs lists the supported languages, Dutch first.
func Langs() []Lang { return []Lang{NL, EN} }

var langMatcher = language.NewMatcher([]language.Tag{language.Dutch, language.English})

// ParseLang turns a BCP 47 tag such as "nl", "nl-BE" or "en-GB" into a
// supported language. An empty string is Dutch, the default. A tag that is
// well formed but matches neither language falls back to Dutch only when the
// matcher is confident; otherwise it is an error naming the allowed values.
func ParseLang(s string) (Lang, error) {
	if s == "" {
		return NL, nil
	}
	tag, err := language.Parse(s)
	if err != nil {
		return "", &CodeError{Kind: "lang", Value: s, Allowed: []string{string(NL), string(EN)}}
	}
	_, idx, conf := langMatcher.Match(tag)
	if conf == language.No {
		return "", &CodeError{Kind: "lang", Value: s, Allowed: []string{string(NL), string(EN)}}
	}
	if idx == 1 {
		return EN, nil
	}
	return NL, nil
}

// MarshalText implements encoding.TextMarshaler.
func (l Lang) MarshalText() ([]byte, error) {
	if l != NL && l != EN {
		return nil, &CodeError{Kind: "lang", Value: string(l), Allowed: []string{string(NL), string(EN)}}
	}
	return []byte(l), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts only "nl" and "en".
func (l *Lang) UnmarshalText(b []byte) error {
	v, err := ParseCode("lang", string(b), Langs())
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Text is a text in Dutch and English.
type Text struct {
	NL string `json:"nl"`
	EN string `json:"en"`
}

// T is shorthand for a Text literal, Dutch first.
func T(nl, en string) Text { return Text{NL: nl, EN: en} }

// In returns the text in the given language; anything but EN gives Dutch.
func (t Text) In(l Lang) string {
	if l == EN {
		return t.EN
	}
	return t.NL
}

// Complete reports whether both languages are filled in.
func (t Text) Complete() bool { return t.NL != "" && t.EN != "" }

// Textf formats both languages with the same arguments.
func Textf(nl, en string, args ...any) Text {
	return Text{NL: fmt.Sprintf(nl, args...), EN: fmt.Sprintf(en, args...)}
}

// Source names where a rule or catalogue entry comes from: a seed document
// (see shared/seeds) and a section in it.
type Source struct {
	Seed    string `json:"seed"`    // e.g. "001"
	Section string `json:"section"` // e.g. "2.2.1" or "5, item 3"
}

// String renders the source as "seed 001, 2.2.1".
func (s Source) String() string {
	if s.Section == "" {
		return "seed " + s.Seed
	}
	return "seed " + s.Seed + ", " + s.Section
}

// Valid reports whether the source names a seed.
func (s Source) Valid() bool { return s.Seed != "" }
