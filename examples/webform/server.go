package main

import (
	"bytes"
	_ "embed"
	"errors"
	"html/template"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/examples/internal/report"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

//go:embed form.html.tmpl
var formSource string

//go:embed form.css
var formCSS []byte

//go:embed toolbar.css
var toolbarCSS []byte

// pages escapes everything it is given: every value typed into the form
// or read from an uploaded file comes back through it.
var pages = template.Must(template.New("pages").Funcs(template.FuncMap{
	"fld": func(f *field, t *texts) any {
		return struct {
			F *field
			T *texts
		}{f, t}
	},
	"errs": func(f *field, t *texts) any {
		return struct {
			Errors               []string
			ErrorID, ErrorPrefix string
		}{f.Errors, f.ErrorID(), t.ErrorPrefix}
	},
	"gerrs": func(g *group, t *texts) any {
		return struct {
			Errors      []string
			ErrorPrefix string
		}{g.Errors, t.ErrorPrefix}
	},
}).Parse(formSource))

// The limits on what a request may send. A self-assessment is at most
// form.DefaultMaxBytes of JSON, as the decoder reads it; the same
// assessment as a posted form is longer (field names are pointers, and
// URL encoding writes a byte outside ASCII as three), so a form may be
// three times that. A multipart upload carries one file and a language.
const (
	maxJSON      = form.DefaultMaxBytes
	maxFormBody  = 3*form.DefaultMaxBytes + 64<<10
	maxUpload    = form.DefaultMaxBytes + 16<<10
	maxUploadPts = 4
)

// The Content-Security-Policy of every response: nothing may run, nothing
// is loaded from elsewhere, forms post only here. The report page also
// allows its own inline stylesheet, by hash.
const cspBase = "default-src 'none'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

var (
	cspForm   = cspBase + "; style-src 'self'"
	cspReport = cspBase + "; style-src 'self' " + report.StyleHash()
)

// newHandler is the whole web form and its JSON API, for the server and
// for tests.
func newHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", handleBlank)
	mux.HandleFunc("POST /check", handleCheck)
	mux.HandleFunc("POST /upload", handleUpload)
	mux.HandleFunc("POST /edit", handleEdit)
	mux.HandleFunc("POST /download", handleDownload)
	mux.HandleFunc("GET /static/form.css", staticCSS(formCSS))
	mux.HandleFunc("GET /static/toolbar.css", staticCSS(toolbarCSS))
	mux.HandleFunc("POST /api/evaluate", handleEvaluate)
	mux.HandleFunc("GET /api/schema/{doc}", handleSchema)
	mux.HandleFunc("GET /api/openapi.json", handleOpenAPI)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { notFound(mux, w, r) })

	// Refuse state-changing requests that a browser marks as coming from
	// another site; systems posting to the API send no such header.
	cop := http.NewCrossOriginProtection()
	return secure(cop.Handler(mux))
}

// secure sets the headers every response carries.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", cspForm)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cache-Control", "no-store") // pages carry what was typed
		next.ServeHTTP(w, r)
	})
}

func staticCSS(b []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.Write(b)
	}
}

// langOf reads ?lang= or the form's lang field: en or nl, Dutch by
// default.
func langOf(r *http.Request, f url.Values) norm.Lang {
	v := r.URL.Query().Get("lang")
	if f != nil && f.Get("lang") != "" {
		v = f.Get("lang")
	}
	if v == "en" {
		return norm.EN
	}
	return norm.NL
}

// render writes a page or, when the template fails, a plain 500.
func render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// pageData wraps a form page with what the head template needs.
type pageData struct {
	*formPage
	Title    string
	LangLink string
}

func showForm(w http.ResponseWriter, status int, p *formPage) {
	d := pageData{formPage: p, Title: p.T.Title + " – " + p.T.Site}
	if len(p.Summary) > 0 {
		d.Title = p.T.ErrorTitleTag + d.Title
	}
	if !p.Posted {
		d.LangLink = "/?lang=" + string(p.Other)
	}
	render(w, status, "form", d)
}

type messageData struct {
	Lang, Other    norm.Lang
	T              *texts
	Title, Heading string
	Text           string
	LangLink       string
}

func message(w http.ResponseWriter, r *http.Request, status int, code string, text func(*texts) string) {
	lang := langOf(r, nil)
	t := textsFor(lang)
	heading := map[int]string{
		http.StatusNotFound: t.NotFound, http.StatusRequestEntityTooLarge: t.TooLarge,
		http.StatusBadRequest: t.BadRequestTitle, http.StatusMethodNotAllowed: t.BadMethodTitle,
	}[status]
	if heading == "" {
		heading = code
	}
	render(w, status, "message", messageData{Lang: lang, Other: otherLang(lang), T: t,
		Title: heading + " – " + t.Site, Heading: heading, Text: text(t)})
}

// notFound answers a path that is not ours with 404, and one of ours
// asked with the wrong method with 405 and the methods it takes.
func notFound(mux *http.ServeMux, w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, p := mux.Handler(probe); p != "/" && p != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		if strings.HasPrefix(r.URL.Path, "/api/") {
			apiError(w, http.StatusMethodNotAllowed, norm.Problem{Code: norm.CodeEnum, Message: norm.Textf(
				"gebruik %s", "use %s", strings.Join(allow, ", "))})
			return
		}
		message(w, r, http.StatusMethodNotAllowed, "405", func(t *texts) string { return t.BadMethod })
		return
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		apiError(w, http.StatusNotFound, norm.Problem{Code: norm.CodeEnum, Message: norm.Textf(
			"%s bestaat niet", "%s does not exist", r.URL.Path)})
		return
	}
	message(w, r, http.StatusNotFound, "404", func(t *texts) string { return t.NotFoundText })
}

func handleBlank(w http.ResponseWriter, r *http.Request) {
	showForm(w, http.StatusOK, buildPage(langOf(r, nil), newState(), nil))
}

// readForm parses an urlencoded body within maxFormBody; false when it
// has answered the request itself.
func readForm(w http.ResponseWriter, r *http.Request) (url.Values, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			message(w, r, http.StatusRequestEntityTooLarge, "413", func(t *texts) string { return t.TooLargeText })
		} else {
			message(w, r, http.StatusBadRequest, "400", func(t *texts) string { return t.BadRequest })
		}
		return nil, false
	}
	return r.PostForm, true
}

// handleCheck builds the assessment from the form and decodes it: the
// form again with every problem at its field, or the report.
func handleCheck(w http.ResponseWriter, r *http.Request) {
	f, ok := readForm(w, r)
	if !ok {
		return
	}
	lang := langOf(r, f)
	st := stateFromForm(f)
	if rl := f.Get("relang"); rl == "en" || rl == "nl" {
		// Only the language changes: show the same answers, unchecked.
		p := buildPage(norm.Lang(rl), st, nil)
		p.Posted = true
		showForm(w, http.StatusOK, p)
		return
	}
	doc, local := st.assessmentJSON()
	a, err := checklist.DecodeAssessment(bytes.NewReader(doc))
	probs := append(problemsOf(err), local...)
	if err != nil && len(probs) == 0 {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if len(probs) > 0 {
		p := buildPage(lang, st, probs)
		p.Posted = true
		showForm(w, http.StatusUnprocessableEntity, p)
		return
	}
	showReport(w, lang, &a, doc)
}

// problemsOf are the problems of a *norm.Error; nil for nil.
func problemsOf(err error) []norm.Problem {
	var ne *norm.Error
	if errors.As(err, &ne) {
		return ne.Problems
	}
	return nil
}

// showReport shows the evaluator's HTML report with the download and edit
// buttons above it.
func showReport(w http.ResponseWriter, lang norm.Lang, a *checklist.Assessment, doc []byte) {
	rep, err := checklist.Evaluate(*a, checklist.WithLang(lang))
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var bar bytes.Buffer
	if err := pages.ExecuteTemplate(&bar, "toolbar", struct {
		Lang norm.Lang
		T    *texts
		JSON string
	}{lang, textsFor(lang), string(doc)}); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := report.WritePage(&buf, report.New(&rep, a, report.Measured{}), template.HTML(bar.String())); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Security-Policy", cspReport)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// openDocument shows the form filled in from an assessment as JSON, with
// the problems it has, or a notice that it has none.
func openDocument(w http.ResponseWriter, lang norm.Lang, doc []byte) {
	tree, probs := form.ReadValue(bytes.NewReader(doc), form.Limits{MaxBytes: maxJSON})
	st := newState()
	if probs == nil {
		st = stateFromTree(tree)
		_, err := checklist.DecodeAssessment(bytes.NewReader(doc))
		probs = problemsOf(err)
	}
	p := buildPage(lang, st, probs)
	p.Posted = true
	status := http.StatusOK
	if len(probs) > 0 {
		status = http.StatusUnprocessableEntity
	} else {
		p.Notice = p.T.Checked
	}
	showForm(w, status, p)
}

// handleUpload reads the one file of a multipart upload, within the
// decoder's limit, and opens it in the form.
func handleUpload(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r, nil)
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		message(w, r, http.StatusBadRequest, "400", func(t *texts) string { return t.BadRequest })
		return
	}
	var doc []byte
	got := false
	for i := 0; i < maxUploadPts; i++ {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			uploadError(w, r, err)
			return
		}
		switch part.FormName() {
		case "lang":
			v, _ := io.ReadAll(io.LimitReader(part, 8))
			if string(v) == "en" {
				lang = norm.EN
			} else if string(v) == "nl" {
				lang = norm.NL
			}
		case "assessment":
			doc, err = readPart(part)
			if err != nil {
				uploadError(w, r, err)
				return
			}
			got = part.FileName() != "" || len(doc) > 0
		}
		part.Close()
	}
	if !got || len(bytes.TrimSpace(doc)) == 0 {
		p := buildPage(lang, newState(), nil)
		p.Summary = []summaryEntry{{Href: "#upload-file", Message: textsFor(lang).NoFile}}
		showForm(w, http.StatusUnprocessableEntity, p)
		return
	}
	openDocument(w, lang, doc)
}

// readPart reads a file part up to one byte past the decoder's limit, so
// that the decoder can say that it is too large.
func readPart(p *multipart.Part) ([]byte, error) {
	return io.ReadAll(io.LimitReader(p, maxJSON+1))
}

func uploadError(w http.ResponseWriter, r *http.Request, err error) {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		message(w, r, http.StatusRequestEntityTooLarge, "413", func(t *texts) string { return t.TooLargeText })
		return
	}
	message(w, r, http.StatusBadRequest, "400", func(t *texts) string { return t.BadRequest })
}

// handleEdit opens the assessment the report page carries in the form.
func handleEdit(w http.ResponseWriter, r *http.Request) {
	f, ok := readForm(w, r)
	if !ok {
		return
	}
	openDocument(w, langOf(r, f), []byte(f.Get("assessment")))
}

// handleDownload hands the assessment back as a file. It is decoded
// first, so that only a document the library accepts is offered.
func handleDownload(w http.ResponseWriter, r *http.Request) {
	f, ok := readForm(w, r)
	if !ok {
		return
	}
	lang := langOf(r, f)
	doc := []byte(f.Get("assessment"))
	a, err := checklist.DecodeAssessment(bytes.NewReader(doc))
	if err != nil {
		openDocument(w, lang, doc)
		return
	}
	name := "zelfevaluatie-" + a.Date.String() + ".json"
	if lang == norm.EN {
		name = "self-assessment-" + a.Date.String() + ".json"
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Write(doc)
	if len(doc) > 0 && doc[len(doc)-1] != '\n' {
		w.Write([]byte("\n"))
	}
}
