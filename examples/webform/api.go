package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/examples/internal/schemadocs"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// apiOp is the operation named in the errors of the API that are not the
// decoder's own.
const apiOp = "webform"

// writeJSON writes v as indented JSON with a status.
func writeJSON(w http.ResponseWriter, status int, contentType string, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// apiError answers with the project's typed error as JSON.
func apiError(w http.ResponseWriter, status int, probs ...norm.Problem) {
	writeJSON(w, status, "application/json", &norm.Error{Op: apiOp, Problems: probs})
}

// apiLang reads ?lang=: nl (the default) or en; false when it answered a
// wrong value itself.
func apiLang(w http.ResponseWriter, r *http.Request) (norm.Lang, bool) {
	switch v := r.URL.Query().Get("lang"); v {
	case "", "nl":
		return norm.NL, true
	case "en":
		return norm.EN, true
	default:
		apiError(w, http.StatusBadRequest, norm.Problem{Code: norm.CodeEnum, Message: norm.Textf(
			"lang=%q: kies nl of en", "lang=%q: choose nl or en", v)})
		return "", false
	}
}

// handleEvaluate scores a posted assessment: 200 and the Report, 422 and
// the decoder's *norm.Error, 413 when the body is over the decoder's
// limit, 415 when it is not JSON.
func handleEvaluate(w http.ResponseWriter, r *http.Request) {
	lang, ok := apiLang(w, r)
	if !ok {
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		apiError(w, http.StatusUnsupportedMediaType, norm.Problem{Code: norm.CodeType, Message: norm.T(
			"stuur de zelfevaluatie als application/json", "send the self-assessment as application/json")})
		return
	}
	tooLarge := func() {
		apiError(w, http.StatusRequestEntityTooLarge, norm.Problem{Code: norm.CodeTooLarge, Message: norm.Textf(
			"de zelfevaluatie is groter dan %d bytes", "the self-assessment is larger than %d bytes", maxJSON)})
	}
	if r.ContentLength > maxJSON {
		tooLarge()
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxJSON))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			tooLarge()
			return
		}
		apiError(w, http.StatusBadRequest, norm.Problem{Code: norm.CodeSyntax, Message: norm.T(
			"het verzoek kon niet worden gelezen", "the request could not be read")})
		return
	}
	a, err := checklist.DecodeAssessment(bytes.NewReader(body))
	if err != nil {
		var ne *norm.Error
		if errors.As(err, &ne) {
			writeJSON(w, http.StatusUnprocessableEntity, "application/json", ne)
			return
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	rep, err := checklist.Evaluate(a, checklist.WithLang(lang))
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, "application/json", &rep)
}

// handleSchema serves a document's JSON Schema, or the assessment's UI
// schema: /api/schema/{doc}?lang=nl|en&dialect=2020-12|07&ui=rjsf|jsonforms.
func handleSchema(w http.ResponseWriter, r *http.Request) {
	lang, ok := apiLang(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	d, err := form.ParseDialect(q.Get("dialect"))
	if err != nil {
		apiError(w, http.StatusBadRequest, norm.Problem{Code: norm.CodeEnum, Message: norm.Textf(
			"dialect=%q: kies 2020-12 of 07", "dialect=%q: choose 2020-12 or 07", q.Get("dialect"))})
		return
	}
	name := r.PathValue("doc")
	var names []string
	var build func() ([]byte, error)
	for _, x := range schemadocs.All {
		names = append(names, x.Name)
		if x.Name == name {
			build = func() ([]byte, error) { return x.Schema(lang, d) }
		}
	}
	if build == nil {
		apiError(w, http.StatusNotFound, norm.Problem{Code: norm.CodeEnum, Message: norm.Textf(
			"%q is geen document; kies uit %s", "%q is not a document; choose from %s", name, strings.Join(names, ", "))})
		return
	}
	contentType := "application/schema+json"
	if ui := q.Get("ui"); ui != "" {
		f, ok := schemadocs.UISchemas[ui]
		switch {
		case !ok:
			apiError(w, http.StatusBadRequest, norm.Problem{Code: norm.CodeEnum, Message: norm.Textf(
				"ui=%q: kies rjsf of jsonforms", "ui=%q: choose rjsf or jsonforms", ui)})
			return
		case name != "assessment":
			apiError(w, http.StatusBadRequest, norm.Problem{Code: norm.CodeEnum, Message: norm.T(
				"een UI-schema bestaat alleen voor assessment", "a UI schema exists only for assessment")})
			return
		}
		build = func() ([]byte, error) { return f(lang) }
		contentType = "application/json"
	}
	b, err := build()
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Write(b)
}

func handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	lang, ok := apiLang(w, r)
	if !ok {
		return
	}
	b, err := openAPI(lang)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}
