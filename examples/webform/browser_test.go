package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

// chromiumPath finds Debian's chromium (or another Chromium-based
// browser). Without one the browser tests skip, except in CI.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium found: install chromium (apt-get install chromium); CI=true, so this fails instead of skipping")
	}
	t.Skip("install chromium (apt-get install chromium) to run the browser tests")
	return ""
}

// browse starts the web form on a test server and a headless chromium
// against it.
func browse(t *testing.T) (context.Context, string) {
	t.Helper()
	path := chromiumPath(t)
	srv := httptest.NewServer(newHandler())
	t.Cleanup(srv.Close)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests run as root in CI containers
		chromedp.WindowSize(1100, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	// Start the browser without a deadline (a deadline on the first run
	// would stop the browser), then bound every step.
	require.NoError(t, chromedp.Do(ctx))
	tctx, tcancel := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(tcancel)
	return tctx, srv.URL
}

// screenshotDir is where screenshots go: $WEBFORM_SCREENSHOTS when set
// (to look at them), else a temporary directory.
func screenshotDir(t *testing.T) string {
	if d := os.Getenv("WEBFORM_SCREENSHOTS"); d != "" {
		require.NoError(t, os.MkdirAll(d, 0o755))
		return d
	}
	return t.TempDir()
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(screenshotDir(t), name), b, 0o644))
}

// sel selects the element with an id, whatever characters it holds.
func sel(id string) chromedp.CSS { return chromedp.CSS(fmt.Sprintf("[id=%q]", id)) }

// label selects the label of the control with an id: a person clicks the
// text, not the little circle.
func label(id string) chromedp.CSS { return chromedp.CSS(fmt.Sprintf("label[for=%q]", id)) }

// firstOf is the first criterion of a type, from the catalogue.
func firstOf(t *testing.T, typ checklist.AnswerType, evidence bool) *checklist.Criterion {
	t.Helper()
	for _, c := range checklist.Criteria() {
		if c.Type == typ && (!evidence || c.Evidence) {
			return c
		}
	}
	t.Fatalf("no criterion of type %s", typ)
	return nil
}

func evalJS[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	require.NoError(t, err)
	return v
}

// TestBrowserFillInCorrectAndReport fills in the form as a person would,
// makes a mistake, finds it at its field and in the summary, corrects it
// and gets the report.
func TestBrowserFillInCorrectAndReport(t *testing.T) {
	ctx, base := browse(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(".actions"))))
	screenshot(t, ctx, "blank-form.jpg")

	lang := evalJS[string](t, ctx, `document.documentElement.lang`)
	assert.Equal(t, "nl", lang)

	pct := firstOf(t, checklist.TypePercent, true)
	yesNo := firstOf(t, checklist.TypeBool, false)
	choice := firstOf(t, checklist.TypeChoice, false)
	multi := firstOf(t, checklist.TypeMulti, false)
	pctID := fieldID(valuePtr(pct.ID))
	evDateID := fieldID(evidencePtr(pct.ID, 0, "date"))

	require.NoError(t, chromedp.Do(ctx,
		chromedp.SendKeys(sel(fieldID(ptrName)), "Gemeente Proefdorp"),
		chromedp.SetValue(sel(fieldID(ptrKind)), "municipality"),
		chromedp.SendKeys(sel(fieldID(ptrEmployees)), "120"),
		chromedp.SendKeys(sel(fieldID(ptrManagers)), "9"),
		chromedp.SendKeys(sel(fieldID(ptrDate)), "2026-03-31"),
		chromedp.SendKeys(sel(fieldID(ptrAssessor)), "KA-007"),
		chromedp.Click(label(fieldID(valuePtr(yesNo.ID))+"-2")),  // yes
		chromedp.Click(label(fieldID(valuePtr(choice.ID))+"-2")), // its first option
		chromedp.Click(label(fieldID(valuePtr(multi.ID)))),       // the first option has the field's own id
		chromedp.Click(label(fieldID(valuePtr(multi.ID))+"-2")),
		// The mistake: a percentage of 150.
		chromedp.SendKeys(sel(pctID), "150"),
		// Evidence for it, under "comment and evidence".
		chromedp.Click(chromedp.CSS(fmt.Sprintf("[id=%q] summary", fieldID(norm.Pointer("answers", string(pct.ID)))))),
		chromedp.SendKeys(sel(fieldID(evidencePtr(pct.ID, 0, "title"))), "Presentielijsten training"),
		chromedp.SendKeys(sel(fieldID(evidencePtr(pct.ID, 0, "reference"))), "HR-2026-01"),
		chromedp.SendKeys(sel(evDateID), "2026-02-01"),
		chromedp.Click(chromedp.CSS(".actions button:not([name])")),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
		chromedp.WaitVisible(chromedp.CSS(".actions")), // the whole page has arrived
	))

	// The summary links to the field, and the message sits at the field.
	links := evalJS[[]map[string]string](t, ctx, `[...document.querySelectorAll('.error-summary a')].map(a => ({href: a.getAttribute('href'), text: a.textContent}))`)
	require.Len(t, links, 1, "one mistake, one entry: %v", links)
	assert.Equal(t, "#"+pctID, links[0]["href"])
	assert.Contains(t, links[0]["text"], string(pct.ID)+": ", "the summary names the criterion")
	assert.Contains(t, links[0]["text"], "100")
	field := evalJS[map[string]any](t, ctx, fmt.Sprintf(`(() => {
		const el = document.getElementById(%q);
		const err = document.getElementById(%q);
		return {
			exists: !!el,
			value: el && el.value,
			invalid: el && el.getAttribute('aria-invalid'),
			describedby: el && el.getAttribute('aria-describedby'),
			error: err ? err.textContent : null,
			sameField: !!(el && err && el.closest('.field') === err.closest('.field')),
			errorBeforeInput: !!(el && err && err.nextElementSibling === el.closest('.input-row')),
		};
	})()`, pctID, pctID+"-error"))
	assert.Equal(t, true, field["exists"], "the summary's link target exists")
	assert.Equal(t, "150", field["value"], "what was typed is kept")
	assert.Equal(t, "true", field["invalid"])
	assert.Contains(t, field["describedby"], pctID+"-error")
	assert.Contains(t, links[0]["text"], strings.TrimPrefix(field["error"].(string), "Fout: "), "the same message at the field")
	assert.Equal(t, true, field["sameField"])
	assert.Equal(t, true, field["errorBeforeInput"], "the message is right above the input")
	// Everything else typed is kept too.
	kept := evalJS[map[string]any](t, ctx, fmt.Sprintf(`({
		name: document.getElementById(%q).value,
		kind: document.getElementById(%q).value,
		yes: document.getElementById(%q).checked,
		evidence: document.getElementById(%q).value,
		title: document.title,
	})`, fieldID(ptrName), fieldID(ptrKind), fieldID(valuePtr(yesNo.ID))+"-2", fieldID(evidencePtr(pct.ID, 0, "reference"))))
	assert.Equal(t, "Gemeente Proefdorp", kept["name"])
	assert.Equal(t, "municipality", kept["kind"])
	assert.Equal(t, true, kept["yes"])
	assert.Equal(t, "HR-2026-01", kept["evidence"])
	assert.True(t, strings.HasPrefix(kept["title"].(string), "Fout: "), "the page title says there is an error: %v", kept["title"])

	// Following the link reaches the field.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".error-summary a"))))
	hash := evalJS[string](t, ctx, `location.hash`)
	assert.Equal(t, "#"+pctID, hash)
	screenshot(t, ctx, "error-at-field.jpg")
	shot, err := chromedp.Run(ctx, chromedp.Screenshot(sel(fieldID(norm.Pointer("answers", string(pct.ID))))))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(screenshotDir(t), "error-field-only.png"), shot, 0o644))

	// Correct it and submit again: the report.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Clear(sel(pctID)),
		chromedp.SendKeys(sel(pctID), "95"),
		chromedp.Click(chromedp.CSS(".actions button:not([name])")),
		chromedp.WaitVisible(chromedp.CSS(".score")),
		chromedp.WaitVisible(chromedp.CSS("footer")), // the whole page has arrived
	))
	rep := evalJS[map[string]string](t, ctx, `({
		score: document.querySelector('.score').textContent,
		rating: document.querySelector('.rating').textContent,
		org: document.querySelector('.meta dd').textContent,
		download: document.querySelector('form[action="/download"] button').textContent,
	})`)
	assert.Contains(t, rep["score"], "/100")
	assert.Regexp(t, `^Oordeel: (groen|oranje|rood)$`, rep["rating"])
	assert.Contains(t, rep["org"], "Gemeente Proefdorp")
	assert.NotEmpty(t, rep["download"])
	screenshot(t, ctx, "report.jpg")
}

// TestBrowserUpload opens a sample assessment in the form and finds every
// value of it in the fields.
func TestBrowserUpload(t *testing.T) {
	ctx, base := browse(t)
	sample, err := filepath.Abs(filepath.Join("..", "data", "ind-after.json"))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(base+"/?lang=en"),
		chromedp.SetUploadFiles(chromedp.CSS("#upload-file"), []string{sample}),
		chromedp.Click(chromedp.CSS("form.upload button")),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
		chromedp.WaitVisible(chromedp.CSS(".actions")), // the whole page has arrived
	))
	// What the browser shows, by field name (the JSON pointer): the text
	// of inputs, the chosen option, the ticked boxes.
	shown := evalJS[map[string][]string](t, ctx, `(() => {
		const out = {};
		for (const el of document.querySelectorAll('#assessment [name^="/"]')) {
			if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) continue;
			if (el.value === '') continue;
			(out[el.name] = out[el.name] || []).push(el.value);
		}
		return out;
	})()`)

	raw, err := os.ReadFile(sample)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(raw, &doc))
	want := map[string][]string{}
	var walk func(v any, ptr string)
	walk = func(v any, ptr string) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(e, ptr+"/"+strings.NewReplacer("~", "~0", "/", "~1").Replace(k))
			}
		case []any:
			if strings.HasSuffix(ptr, "/value") { // a multiple choice
				for _, e := range x {
					want[ptr] = append(want[ptr], e.(string))
				}
				return
			}
			for i, e := range x {
				walk(e, fmt.Sprintf("%s/%d", ptr, i))
			}
		default:
			want[ptr] = []string{fmt.Sprint(x)}
		}
	}
	walk(doc, "")
	delete(want, "/version") // the form writes the version itself
	require.Greater(t, len(want), 60)
	for ptr, v := range want {
		assert.ElementsMatch(t, v, shown[ptr], "field %s", ptr)
	}
	lang := evalJS[string](t, ctx, `document.documentElement.lang`)
	assert.Equal(t, "en", lang)
}

// TestBrowserKeyboard uses the keyboard alone: the skip link comes first,
// arrow keys answer a yes/no question, Enter in a text field checks the
// form (not any other button), and the error summary takes the focus.
func TestBrowserKeyboard(t *testing.T) {
	ctx, base := browse(t)
	yesNo := firstOf(t, checklist.TypeBool, false)
	radio := fieldID(valuePtr(yesNo.ID))
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(".actions")),
		chromedp.KeyEvent(kb.Tab),
	))
	assert.Equal(t, "skip", evalJS[string](t, ctx, `document.activeElement.className`))
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)))
	assert.Equal(t, "#main", evalJS[string](t, ctx, `location.hash`))

	// Every control can be reached with Tab: none is taken out of the order.
	assert.Equal(t, 0, evalJS[int](t, ctx, `document.querySelectorAll('input[tabindex^="-"], select[tabindex^="-"], textarea[tabindex^="-"], button[tabindex^="-"]').length`))

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Focus(sel(radio)), // "not answered yet", checked
		chromedp.KeyEvent(kb.ArrowRight),
	))
	assert.Equal(t, true, evalJS[bool](t, ctx, fmt.Sprintf(`document.getElementById(%q).checked`, radio+"-2")), "the arrow key answers yes")
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Focus(sel(fieldID(ptrName))),
		chromedp.KeyEvent("Proef"),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
		chromedp.WaitVisible(chromedp.CSS(".actions")), // the whole page has arrived
	))
	focus := evalJS[string](t, ctx, `document.activeElement.className`)
	assert.Equal(t, "error-summary", focus, "the summary has the focus, so it is read first")
	assert.Equal(t, true, evalJS[bool](t, ctx, fmt.Sprintf(`document.getElementById(%q).checked`, radio+"-2")), "the answer is kept")
	// The page now also has the language button: Enter still checks.
	require.True(t, evalJS[bool](t, ctx, `!!document.querySelector('button[name="relang"]')`))
	evalJS[bool](t, ctx, `window.oldPage = true`)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Focus(sel(fieldID(ptrManagers))),
		chromedp.KeyEvent("x"),
		chromedp.KeyEvent(kb.Enter),
	))
	for { // until the answer has loaded; while it loads, asking may fail
		old, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.oldPage === true`))
		if err == nil && !old {
			break
		}
		require.NoError(t, ctx.Err())
		time.Sleep(20 * time.Millisecond)
	}
	require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(".error-summary")), chromedp.WaitVisible(chromedp.CSS(".actions"))))
	assert.Equal(t, "x", evalJS[string](t, ctx, fmt.Sprintf(`document.getElementById(%q).value`, fieldID(ptrManagers))))
	assert.Equal(t, "nl", evalJS[string](t, ctx, `document.documentElement.lang`), "Enter did not switch the language")
	assert.Contains(t, evalJS[string](t, ctx, `document.querySelector('.error-summary').textContent`), evalJS[string](t, ctx,
		fmt.Sprintf(`document.querySelector('label[for=%q]').textContent`, fieldID(ptrManagers))), "the new mistake is listed")
}
