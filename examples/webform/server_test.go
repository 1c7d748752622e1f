package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/examples/internal/report"
	"github.com/goedgesprek/goedgesprek/examples/internal/schemadocs"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

var samples = []string{"compliant.json", "ind-after.json", "ind-before.json", "small-municipality.json"}

func sample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "data", name))
	require.NoError(t, err)
	return b
}

// do sends a request to the handler and returns the response.
func do(t testing.TB, req *http.Request) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	newHandler().ServeHTTP(rec, req)
	res := rec.Result()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(b)
}

func postForm(t testing.TB, path string, v url.Values) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(t, req)
}

// formOf is what a browser would post for a state.
func formOf(s *state) url.Values {
	v := url.Values{}
	for k, vals := range s.values {
		v[k] = append([]string(nil), vals...)
	}
	return v
}

func formOfSample(t testing.TB, name string) url.Values {
	t.Helper()
	tree, probs := form.ReadValue(bytes.NewReader(sample(t, name)), form.Limits{})
	require.Nil(t, probs)
	return formOf(stateFromTree(tree))
}

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// ids lists the ids of a page, HTML-unescaped.
func ids(page string) map[string]int {
	out := map[string]int{}
	for _, m := range idAttr.FindAllStringSubmatch(page, -1) {
		out[html.UnescapeString(m[1])]++
	}
	return out
}

// summaryLinks are the targets and texts of the error summary's links.
func summaryLinks(t *testing.T, page string) [][2]string {
	t.Helper()
	start := strings.Index(page, `<div class="error-summary" role="alert"`)
	require.GreaterOrEqual(t, start, 0, "no error summary")
	end := strings.Index(page[start:], "</div>")
	var out [][2]string
	for _, m := range regexp.MustCompile(`<a href="#([^"]*)">([^<]*)</a>`).FindAllStringSubmatch(page[start:start+end], -1) {
		out = append(out, [2]string{html.UnescapeString(m[1]), html.UnescapeString(m[2])})
	}
	return out
}

func TestBlankForm(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		t.Run(lang, func(t *testing.T) {
			res, page := do(t, httptest.NewRequest(http.MethodGet, "/?lang="+lang, nil))
			require.Equal(t, http.StatusOK, res.StatusCode)
			assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
			assert.Contains(t, page, `<html lang="`+lang+`">`)
			assert.NotContains(t, page, "<script", "no script at all")
			assert.NotContains(t, page, "error-summary")

			// Every id once; every control labelled.
			for id, n := range ids(page) {
				assert.Equal(t, 1, n, "id %q", id)
			}
			controls := regexp.MustCompile(`<(input|select|textarea)\b[^>]*>`).FindAllString(page, -1)
			labelled := 0
			for _, c := range controls {
				if strings.Contains(c, `type="hidden"`) {
					continue
				}
				m := idAttr.FindStringSubmatch(c)
				require.NotNil(t, m, "a control without id: %s", c)
				assert.Contains(t, page, `<label`, c)
				assert.Regexp(t, `<label[^>]*for="`+regexp.QuoteMeta(m[1])+`"`, page, "no label for %s", m[1])
				labelled++
			}
			// The catalogue decides what is asked: one fieldset per item,
			// one question per criterion, in checklist order.
			for _, it := range checklist.Items() {
				assert.Contains(t, page, `<fieldset class="item" id="item-`+string(it.ID)+`">`)
				assert.Contains(t, page, html.EscapeString(it.Title.In(norm.Lang(lang))))
			}
			last := 0
			for _, c := range checklist.Criteria() {
				i := strings.Index(page, `name="`+valuePtr(c.ID)+`"`)
				require.Greater(t, i, last, "criterion %s in order", c.ID)
				last = i
				assert.Contains(t, page, html.EscapeString(c.Question.In(norm.Lang(lang))))
			}
			assert.Greater(t, labelled, 200)
		})
	}
}

func TestSecurityHeaders(t *testing.T) {
	for _, req := range []*http.Request{
		httptest.NewRequest(http.MethodGet, "/", nil),
		httptest.NewRequest(http.MethodGet, "/nope", nil),
		httptest.NewRequest(http.MethodGet, "/api/openapi.json", nil),
	} {
		res, _ := do(t, req)
		csp := res.Header.Get("Content-Security-Policy")
		assert.Contains(t, csp, "default-src 'none'", req.URL)
		assert.Contains(t, csp, "form-action 'self'")
		assert.Contains(t, csp, "frame-ancestors 'none'")
		assert.NotContains(t, csp, "script-src")
		assert.NotContains(t, csp, "unsafe-inline")
		assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	}
	// The report page allows its own stylesheet by hash, nothing else.
	res, page := postForm(t, "/check", formOfSample(t, "ind-after.json"))
	require.Equal(t, http.StatusOK, res.StatusCode, page)
	csp := res.Header.Get("Content-Security-Policy")
	assert.Contains(t, csp, "style-src 'self' "+report.StyleHash())
	assert.NotContains(t, csp, "script-src")
	assert.NotContains(t, page, "<script")
}

func TestServerTimeouts(t *testing.T) {
	s := newServer(http.NotFoundHandler())
	assert.NotZero(t, s.ReadHeaderTimeout)
	assert.NotZero(t, s.ReadTimeout)
	assert.NotZero(t, s.WriteTimeout)
	assert.NotZero(t, s.IdleTimeout)
	assert.NotZero(t, s.MaxHeaderBytes)
}

// TestErrorsAtTheirFields posts a form with mistakes: every problem is
// shown at its field and in the summary, whose links all reach an element
// of the page, and everything typed is kept.
func TestErrorsAtTheirFields(t *testing.T) {
	pct := firstOfType(checklist.TypePercent)
	v := formOfSample(t, "ind-after.json")
	v.Set(valuePtr(pct.ID), "150")
	v.Set(evidencePtr(pct.ID, 0, "date"), "2030-01-01") // after the assessment date
	v.Set(ptrName, "")                                  // required
	v.Set(ptrEmployees, "veel")                         // not a number

	res, page := postForm(t, "/check", v)
	require.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	assert.Contains(t, page, "<title>Fout: ")
	links := summaryLinks(t, page)
	require.Len(t, links, 4, "%v", links)
	all := ids(page)
	for _, l := range links {
		assert.Equal(t, 1, all[l[0]], "the link target %q exists once", l[0])
	}
	// In page order: organisation first, then the answer and its evidence.
	assert.Equal(t, fieldID(ptrName), links[0][0])
	assert.Equal(t, fieldID(ptrEmployees), links[1][0])
	assert.Equal(t, fieldID(valuePtr(pct.ID)), links[2][0])
	assert.Equal(t, fieldID(evidencePtr(pct.ID, 0, "date")), links[3][0])
	assert.Contains(t, links[2][1], string(pct.ID)+": ")

	// The message is at the field, linked to it, and the field is marked.
	for _, ptr := range []string{valuePtr(pct.ID), evidencePtr(pct.ID, 0, "date"), ptrName, ptrEmployees} {
		id := fieldID(ptr)
		input := regexp.MustCompile(`<input[^>]*id="` + regexp.QuoteMeta(id) + `"[^>]*>`).FindString(page)
		require.NotEmpty(t, input, ptr)
		assert.Contains(t, input, `aria-invalid="true"`, ptr)
		assert.Regexp(t, `aria-describedby="[^"]*`+regexp.QuoteMeta(id+"-error"), input, ptr)
		errAt := strings.Index(page, `id="`+id+`-error"`)
		inAt := strings.Index(page, input)
		require.Greater(t, errAt, 0, ptr)
		assert.Less(t, inAt-errAt, 400, "the message is just above the input of %s", ptr)
	}
	// What was typed comes back as typed.
	assert.Contains(t, page, `value="150"`)
	assert.Contains(t, page, `value="veel"`)
	assert.Contains(t, page, `value="2030-01-01"`)
	// The evidence with the mistake is open.
	crit := strings.Index(page, `<div class="criterion" id="`+fieldID(norm.Pointer("answers", string(pct.ID)))+`">`)
	require.Greater(t, crit, 0)
	assert.Contains(t, page[crit:crit+3000], "<details open>")
}

func firstOfType(typ checklist.AnswerType) *checklist.Criterion {
	for _, c := range checklist.Criteria() {
		if c.Type == typ && c.Evidence {
			return c
		}
	}
	return nil
}

// TestSamplesRoundTrip: every sample, opened in the form and posted back
// unchanged, decodes to the same assessment: the form loses nothing.
func TestSamplesRoundTrip(t *testing.T) {
	for _, name := range samples {
		t.Run(name, func(t *testing.T) {
			want, err := checklist.DecodeAssessment(bytes.NewReader(sample(t, name)))
			require.NoError(t, err)
			doc, probs := stateFromForm(formOfSample(t, name)).assessmentJSON()
			require.Empty(t, probs)
			got, err := checklist.DecodeAssessment(bytes.NewReader(doc))
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

func TestUntouchedFormAnswersNothing(t *testing.T) {
	res, page := do(t, httptest.NewRequest(http.MethodGet, "/", nil))
	require.Equal(t, http.StatusOK, res.StatusCode)
	// What a browser posts for the untouched form: the checked radios
	// ("not answered yet") and the empty text fields.
	v := url.Values{}
	for _, m := range regexp.MustCompile(`<input type="radio"[^>]*name="([^"]*)" value="([^"]*)" checked`).FindAllStringSubmatch(page, -1) {
		v.Add(html.UnescapeString(m[1]), m[2])
	}
	for _, m := range regexp.MustCompile(`<input class="[^"]*" type="text" id="[^"]*" name="([^"]*)" value=""`).FindAllStringSubmatch(page, -1) {
		v.Add(html.UnescapeString(m[1]), "")
	}
	require.Greater(t, len(v), 60)
	doc, _ := stateFromForm(v).assessmentJSON()
	var got map[string]any
	require.NoError(t, json.Unmarshal(doc, &got))
	assert.Empty(t, got["answers"], "no answer nobody gave")
}

// A comment typed over two lines comes from the browser with CRLF (the
// HTML rules for a textarea); the form takes it as the LF that multi-line
// text allows, and the report follows.
func TestCommentOverTwoLines(t *testing.T) {
	v := formOfSample(t, "ind-after.json")
	c := checklist.Criteria()[0].ID
	v.Set(commentPtr(c), "eerste regel\r\ntweede regel")
	res, page := postForm(t, "/check", v)
	require.Equal(t, http.StatusOK, res.StatusCode, page)
	doc, probs := stateFromForm(v).assessmentJSON()
	require.Empty(t, probs)
	a, err := checklist.DecodeAssessment(bytes.NewReader(doc))
	require.NoError(t, err)
	assert.Equal(t, "eerste regel\ntweede regel", a.Answers[c].Comment)
}

func TestHostileText(t *testing.T) {
	hostile := `<script>alert("x")</script>"><img src=x onerror=alert(1)>`
	v := formOfSample(t, "ind-after.json")
	v.Set(ptrName, hostile)
	res, page := postForm(t, "/check", v)
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.NotContains(t, page, "<script")
	assert.NotContains(t, page, "<img src=x")
	assert.Contains(t, page, "&lt;script&gt;")

	// And in the form again, with a mistake elsewhere.
	v.Set(ptrEmployees, hostile)
	res, page = postForm(t, "/check", v)
	require.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	assert.NotContains(t, page, "<script")
	assert.NotContains(t, page, "<img src=x")
	assert.Contains(t, page, `value="&lt;script&gt;`)
}

func TestReportDownloadAndEdit(t *testing.T) {
	res, page := postForm(t, "/check", formOfSample(t, "ind-after.json"))
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, page, "91,8")
	m := regexp.MustCompile(`<form method="post" action="/download"><input type="hidden" name="lang" value="nl"><input type="hidden" name="assessment" value="([^"]*)">`).FindStringSubmatch(page)
	require.NotNil(t, m, "a download form")
	doc := html.UnescapeString(m[1])

	res, body := postForm(t, "/download", url.Values{"assessment": {doc}, "lang": {"nl"}})
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, `attachment; filename=zelfevaluatie-2026-03-31.json`, res.Header.Get("Content-Disposition"))
	assert.Equal(t, "application/json; charset=utf-8", res.Header.Get("Content-Type"))
	got, err := checklist.DecodeAssessment(strings.NewReader(body))
	require.NoError(t, err)
	want, err := checklist.DecodeAssessment(bytes.NewReader(sample(t, "ind-after.json")))
	require.NoError(t, err)
	assert.Equal(t, want, got)

	res, page = postForm(t, "/edit", url.Values{"assessment": {doc}, "lang": {"en"}})
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, page, `<html lang="en">`)
	assert.Contains(t, page, `class="notice"`)
	assert.Contains(t, page, `value="Uitvoeringsdienst Noordkust (fictief)"`)
}

func upload(t *testing.T, name string, content []byte) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	require.NoError(t, mw.WriteField("lang", "nl"))
	fw, err := mw.CreateFormFile("assessment", name)
	require.NoError(t, err)
	fw.Write(content)
	require.NoError(t, mw.Close())
	req := httptest.NewRequest(http.MethodPost, "/upload", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return do(t, req)
}

func TestUpload(t *testing.T) {
	res, page := upload(t, "ind-after.json", sample(t, "ind-after.json"))
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, page, `class="notice"`)
	assert.Contains(t, page, `value="AUD-0417"`)

	// A document with problems opens with them shown; an unknown
	// criterion is named in the summary, linked to the answers.
	bad := strings.Replace(string(sample(t, "ind-after.json")), `"assessment_date": "2026-03-31"`, `"assessment_date": "2026-02-30"`, 1)
	bad = strings.Replace(bad, `"answers": {`, `"answers": {"XX99": {"value": true},`, 1)
	res, page = upload(t, "bad.json", []byte(bad))
	require.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	links := summaryLinks(t, page)
	all := ids(page)
	require.Len(t, links, 2, "%v", links)
	for _, l := range links {
		assert.Equal(t, 1, all[l[0]], l[0])
	}
	assert.Equal(t, fieldID(ptrDate), links[0][0])
	assert.Equal(t, fieldID("/answers"), links[1][0])
	assert.Contains(t, links[1][1], "XX99")

	// Not JSON at all.
	res, page = upload(t, "x.json", []byte("{nope"))
	require.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	assert.Len(t, summaryLinks(t, page), 1)

	// Too large for the decoder, within the upload limit: its problem.
	big := append([]byte(`{"x":"`), bytes.Repeat([]byte("a"), form.DefaultMaxBytes)...)
	res, page = upload(t, "big.json", big)
	require.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	assert.Len(t, summaryLinks(t, page), 1)

	// Larger than any upload may be: 413 before it is read.
	res, _ = upload(t, "huge.json", bytes.Repeat([]byte(" "), 2*form.DefaultMaxBytes))
	assert.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
}

func TestFormBodyTooLarge(t *testing.T) {
	v := url.Values{ptrName: {strings.Repeat("a", maxFormBody)}}
	res, page := postForm(t, "/check", v)
	assert.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
	assert.Contains(t, page, "Te groot")
}

func TestSwitchLanguageKeepsAnswers(t *testing.T) {
	v := formOfSample(t, "ind-after.json")
	v.Set("relang", "en")
	v.Set(ptrEmployees, "veel") // not checked on a language switch
	res, page := postForm(t, "/check", v)
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, page, `<html lang="en">`)
	assert.Contains(t, page, `value="veel"`)
	assert.NotContains(t, page, "error-summary")
}

func TestCrossSitePostRefused(t *testing.T) {
	req := httptest.NewRequest(http.MethodPost, "/check", strings.NewReader(""))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, _ := do(t, req)
	assert.Equal(t, http.StatusForbidden, res.StatusCode)
}

func TestUnknownPathsAndMethods(t *testing.T) {
	res, page := do(t, httptest.NewRequest(http.MethodGet, "/nope", nil))
	assert.Equal(t, http.StatusNotFound, res.StatusCode)
	assert.Contains(t, page, "Pagina niet gevonden")
	res, page = do(t, httptest.NewRequest(http.MethodGet, "/nope?lang=en", nil))
	assert.Equal(t, http.StatusNotFound, res.StatusCode)
	assert.Contains(t, page, "Page not found")

	res, body := do(t, httptest.NewRequest(http.MethodGet, "/api/nope", nil))
	assert.Equal(t, http.StatusNotFound, res.StatusCode)
	assert.Equal(t, "application/json", res.Header.Get("Content-Type"))
	assert.Contains(t, body, `"problems"`)

	res, _ = do(t, httptest.NewRequest(http.MethodGet, "/check", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, res.StatusCode)
	assert.Equal(t, "POST", res.Header.Get("Allow"))
	res, _ = do(t, httptest.NewRequest(http.MethodGet, "/api/evaluate", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, res.StatusCode)
	res, _ = do(t, httptest.NewRequest(http.MethodPost, "/", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, res.StatusCode)
}

func apiPost(t *testing.T, path string, body io.Reader, size int64) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, body)
	req.Header.Set("Content-Type", "application/json")
	req.ContentLength = size
	return do(t, req)
}

func TestAPIEvaluate(t *testing.T) {
	doc := sample(t, "ind-after.json")
	res, body := apiPost(t, "/api/evaluate?lang=en", bytes.NewReader(doc), int64(len(doc)))
	require.Equal(t, http.StatusOK, res.StatusCode, body)
	var rep checklist.Report
	require.NoError(t, json.Unmarshal([]byte(body), &rep))
	a, err := checklist.DecodeAssessment(bytes.NewReader(doc))
	require.NoError(t, err)
	want, err := checklist.Evaluate(a, checklist.WithLang(norm.EN))
	require.NoError(t, err)
	assert.Equal(t, want.Score, rep.Score)
	assert.Equal(t, want.Rating, rep.Rating)
	assert.Equal(t, norm.EN, rep.Language)

	// Refused: 422 with the decoder's problems.
	bad := bytes.Replace(doc, []byte(`"assessment_date": "2026-03-31"`), []byte(`"assessment_date": "2026-02-30"`), 1)
	res, body = apiPost(t, "/api/evaluate", bytes.NewReader(bad), int64(len(bad)))
	require.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	var ne norm.Error
	require.NoError(t, json.Unmarshal([]byte(body), &ne))
	assert.Equal(t, "checklist.DecodeAssessment", ne.Op)
	assert.True(t, ne.Has("/assessment_date", norm.CodeDate), "%v", ne.Problems)

	// Too large: 413, by Content-Length and by what is actually sent.
	huge := bytes.Repeat([]byte(" "), form.DefaultMaxBytes+1)
	res, body = apiPost(t, "/api/evaluate", bytes.NewReader(huge), int64(len(huge)))
	assert.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
	assert.Contains(t, body, `"too_large"`)
	res, _ = apiPost(t, "/api/evaluate", io.MultiReader(bytes.NewReader(huge)), -1)
	assert.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)

	// Not JSON.
	req := httptest.NewRequest(http.MethodPost, "/api/evaluate", bytes.NewReader(doc))
	req.Header.Set("Content-Type", "text/plain")
	res, _ = do(t, req)
	assert.Equal(t, http.StatusUnsupportedMediaType, res.StatusCode)

	// A wrong language.
	res, _ = apiPost(t, "/api/evaluate?lang=de", bytes.NewReader(doc), int64(len(doc)))
	assert.Equal(t, http.StatusBadRequest, res.StatusCode)
}

func TestAPISchema(t *testing.T) {
	for _, d := range schemadocs.All {
		for _, lang := range norm.Langs() {
			for _, dialect := range form.Dialects() {
				want, err := d.Schema(lang, dialect)
				require.NoError(t, err)
				res, body := do(t, httptest.NewRequest(http.MethodGet, fmt.Sprintf("/api/schema/%s?lang=%s&dialect=%s", d.Name, lang, dialect), nil))
				require.Equal(t, http.StatusOK, res.StatusCode, d.Name)
				assert.Equal(t, "application/schema+json", res.Header.Get("Content-Type"))
				assert.Equal(t, string(want), body, "%s %s %s", d.Name, lang, dialect)
			}
		}
	}
	for ui, f := range schemadocs.UISchemas {
		want, err := f(norm.EN)
		require.NoError(t, err)
		res, body := do(t, httptest.NewRequest(http.MethodGet, "/api/schema/assessment?lang=en&ui="+ui, nil))
		require.Equal(t, http.StatusOK, res.StatusCode)
		assert.Equal(t, string(want), body)
	}
	for path, status := range map[string]int{
		"/api/schema/nope":                      http.StatusNotFound,
		"/api/schema/assessment?lang=fr":        http.StatusBadRequest,
		"/api/schema/assessment?dialect=04":     http.StatusBadRequest,
		"/api/schema/assessment?ui=alpaca":      http.StatusBadRequest,
		"/api/schema/report?ui=rjsf":            http.StatusBadRequest,
		"/api/schema/incident?dialect=draft-07": http.StatusOK,
	} {
		res, _ := do(t, httptest.NewRequest(http.MethodGet, path, nil))
		assert.Equal(t, status, res.StatusCode, path)
	}
}

// TestOpenAPI checks the OpenAPI document's structure: version, paths,
// every internal reference resolved, and the components usable as JSON
// Schema 2020-12 (a sample assessment validates against its component).
func TestOpenAPI(t *testing.T) {
	res, body := do(t, httptest.NewRequest(http.MethodGet, "/api/openapi.json?lang=en", nil))
	require.Equal(t, http.StatusOK, res.StatusCode)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(body), &doc))
	assert.Equal(t, "3.1.0", doc["openapi"])
	info := doc["info"].(map[string]any)
	assert.NotEmpty(t, info["title"])
	assert.NotEmpty(t, info["version"])
	paths := doc["paths"].(map[string]any)
	for _, p := range []string{"/api/evaluate", "/api/schema/{doc}", "/api/openapi.json"} {
		assert.Contains(t, paths, p)
	}
	post := paths["/api/evaluate"].(map[string]any)["post"].(map[string]any)
	responses := post["responses"].(map[string]any)
	for _, code := range []string{"200", "413", "422"} {
		assert.Contains(t, responses, code)
	}
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	for _, name := range []string{"Assessment", "Report", "Incident", "Action", "Error", "Problem"} {
		assert.Contains(t, schemas, name)
	}
	// Every reference into the components resolves.
	var refs []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if r, ok := x["$ref"].(string); ok && strings.HasPrefix(r, "#/components/") {
				refs = append(refs, r)
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(doc)
	require.NotEmpty(t, refs)
	for _, r := range refs {
		var cur any = doc
		for _, tok := range norm.SplitPointer(strings.TrimPrefix(r, "#")) {
			m, ok := cur.(map[string]any)
			require.True(t, ok, r)
			cur, ok = m[tok]
			require.True(t, ok, "unresolved %s", r)
		}
	}
	// The Assessment component is the library's schema: a sample passes,
	// a broken one does not.
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("openapi.json", doc))
	sch, err := c.Compile("openapi.json#/components/schemas/Assessment")
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(sample(t, "ind-after.json")))
	require.NoError(t, err)
	assert.NoError(t, sch.Validate(inst))
	inst, err = jsonschema.UnmarshalJSON(strings.NewReader(`{"version":"1"}`))
	require.NoError(t, err)
	assert.Error(t, sch.Validate(inst))
}

func TestFieldID(t *testing.T) {
	seen := map[string]string{}
	ptrs := []string{"", "/organisation/name", "/answers/GG01.1/value", "/answers/GG01-1/value", "/answers/GG01~11/value",
		"/answers/GG01.1/evidence/0/date", "/answers/GG01 1/value", "/answers/ä/value", "/answers/~7e/value"}
	for _, c := range checklist.Criteria() {
		ptrs = append(ptrs, valuePtr(c.ID), commentPtr(c.ID), evidencePtr(c.ID, 0, "title"))
	}
	valid := regexp.MustCompile(`^f[A-Za-z0-9._~-]*$`)
	for _, p := range ptrs {
		id := fieldID(p)
		assert.Regexp(t, valid, id, p)
		if q, dup := seen[id]; dup && q != p {
			t.Errorf("%q and %q give the same id %q", p, q, id)
		}
		seen[id] = p
	}
	assert.Equal(t, "f.answers.GG01~2e1.value", fieldID("/answers/GG01.1/value"))
	assert.Equal(t, "f.answers.GG01-1.value", fieldID("/answers/GG01-1/value"))
}

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRun(t *testing.T) {
	var stdout, stderr syncBuffer
	assert.Equal(t, 2, run(context.Background(), []string{"-addr", "nope"}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "-addr")
	assert.Equal(t, 2, run(context.Background(), []string{"extra"}, &stdout, &stderr))
	assert.Equal(t, 0, run(context.Background(), []string{"-h"}, &stdout, &stderr))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	code := make(chan int, 1)
	go func() { code <- run(ctx, []string{"-addr", "127.0.0.1:0"}, &stdout, &stderr) }()
	var url string
	for i := 0; i < 500 && url == ""; i++ {
		if m := regexp.MustCompile(`http://\S+/`).FindString(stdout.String()); m != "" {
			url = m
		} else {
			time.Sleep(10 * time.Millisecond)
		}
	}
	require.NotEmpty(t, url, "the server says where it listens")
	res, err := http.Get(url)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	cancel()
	assert.Equal(t, 0, <-code)
}
