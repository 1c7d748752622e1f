package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkBlankForm renders the blank form (41 criteria, every option,
// one empty evidence row each).
func BenchmarkBlankForm(b *testing.B) {
	h := newHandler()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}

// BenchmarkCheck posts a complete assessment as a form: build the JSON,
// decode, evaluate and render the report page.
func BenchmarkCheck(b *testing.B) {
	h := newHandler()
	body := formOfSample(b, "ind-after.json").Encode()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/check", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}
