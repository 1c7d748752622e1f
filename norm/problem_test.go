package norm_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

func TestNewError(t *testing.T) {
	assert.NoError(t, norm.NewError("x.Op", nil))
	assert.NoError(t, norm.NewError("x.Op", []norm.Problem{}))
}

func TestErrorText(t *testing.T) {
	one := norm.Problem{Pointer: "/items/0/answer", Code: norm.CodeRequired, Message: norm.T("ontbreekt", "missing")}
	csv := norm.Problem{Row: 3, Column: "category", Code: norm.CodeEnum, Message: norm.T("onbekend", "unknown")}
	row := norm.Problem{Row: 7, Code: norm.CodeSyntax, Message: norm.T("kapot", "broken")}
	root := norm.Problem{Code: norm.CodeSyntax, Message: norm.T("geen JSON", "not JSON")}
	cell := norm.Problem{Pointer: "/answers/GG01-1/value", Cell: "Antwoorden!D3", Code: norm.CodeRange, Message: norm.T("te groot", "too large")}
	sheet := norm.Problem{Cell: "Antwoorden", Code: norm.CodeSchema, Message: norm.T("gewijzigd", "changed")}
	tests := []struct {
		name   string
		ps     []norm.Problem
		nl, en string
	}{
		{"one problem", []norm.Problem{one},
			"x.Op: 1 probleem\n  /items/0/answer: ontbreekt (required)",
			"x.Op: 1 problem\n  /items/0/answer: missing (required)"},
		{"csv and whole document", []norm.Problem{csv, row, root},
			"x.Op: 3 problemen\n  rij 3, kolom category: onbekend (enum)\n  rij 7: kapot (syntax)\n  /: geen JSON (syntax)",
			"x.Op: 3 problems\n  row 3, column category: unknown (enum)\n  row 7: broken (syntax)\n  /: not JSON (syntax)"},
		{"workbook cell beside the pointer", []norm.Problem{cell, sheet},
			"x.Op: 2 problemen\n  Antwoorden!D3 /answers/GG01-1/value: te groot (range)\n  Antwoorden: gewijzigd (schema)",
			"x.Op: 2 problems\n  Antwoorden!D3 /answers/GG01-1/value: too large (range)\n  Antwoorden: changed (schema)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := norm.NewError("x.Op", tt.ps)
			require.Error(t, err)
			var e *norm.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.nl, e.In(norm.NL))
			assert.Equal(t, tt.en, e.In(norm.EN))
			assert.Equal(t, tt.en, err.Error())
		})
	}
}

func TestErrorIsAs(t *testing.T) {
	err := norm.NewError("x.Op", []norm.Problem{{Pointer: "/a", Code: norm.CodeType, Message: norm.T("a", "a")}})
	wrapped := fmt.Errorf("loading: %w", err)
	assert.True(t, errors.Is(wrapped, norm.ErrInvalid))
	assert.False(t, errors.Is(wrapped, norm.ErrUnknownCode))
	var e *norm.Error
	require.True(t, errors.As(wrapped, &e))
	assert.Equal(t, "x.Op", e.Op)
	assert.True(t, e.Has("/a", norm.CodeType))
	assert.False(t, e.Has("/a", norm.CodeRange))
	assert.False(t, e.Has("/b", norm.CodeType))

	_, cerr := norm.ParseCategory("loud")
	wrapped = fmt.Errorf("reading: %w", cerr)
	assert.True(t, errors.Is(wrapped, norm.ErrUnknownCode))
	assert.False(t, errors.Is(wrapped, norm.ErrInvalid))
	var ce *norm.CodeError
	require.True(t, errors.As(wrapped, &ce))
	assert.Equal(t, "loud", ce.Value)
	assert.Equal(t, `onbekende waarde "loud" voor categorie; toegestaan: verbal, discrimination, sexual, property, threat, physical`, ce.Message().NL)
	assert.Equal(t, `unknown category "loud"; allowed: verbal, discrimination, sexual, property, threat, physical`, ce.Message().EN)
	assert.Equal(t, ce.Message().EN, ce.Error())
}

func TestPointer(t *testing.T) {
	tests := []struct {
		tokens []string
		want   string
	}{
		{nil, ""},
		{[]string{""}, "/"},
		{[]string{"items", "0", "answer"}, "/items/0/answer"},
		{[]string{"a/b"}, "/a~1b"},
		{[]string{"m~n"}, "/m~0n"},
		{[]string{"~1"}, "/~01"}, // "~" first, so an existing "~1" is not read back as "/"
		{[]string{"/~"}, "/~1~0"},
		{[]string{"é", " "}, "/é/ "},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, norm.Pointer(tt.tokens...))
			assert.Equal(t, tt.tokens, norm.SplitPointer(tt.want), "SplitPointer undoes Pointer")
		})
	}
}

func TestProblemWhere(t *testing.T) {
	assert.Equal(t, "/", norm.Problem{}.Where())
	assert.Equal(t, "/x", norm.Problem{Pointer: "/x"}.Where())
	assert.Equal(t, "row 2", norm.Problem{Row: 2, Pointer: "/x"}.Where(), "CSV location wins")
	assert.Equal(t, "row 2, column c", norm.Problem{Row: 2, Column: "c"}.Where())
}
