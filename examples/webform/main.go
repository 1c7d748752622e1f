// Command webform is a small web server for policy staff: a form to fill
// in or check a Goed gesprek self-assessment, rendered on the server from
// the checklist's catalogue in Dutch or English, without any script. A
// valid assessment gives the evaluator's HTML report and the assessment
// as a JSON download; nothing is stored on the server.
//
//	go run ./examples/webform            # then open http://127.0.0.1:8080
//	go run ./examples/webform -addr 127.0.0.1:9000
//
// The same server answers systems in JSON:
//
//	POST /api/evaluate?lang=nl|en                   an assessment in, the Report out (422: the *norm.Error)
//	GET  /api/schema/{doc}?lang=&dialect=&ui=       the schemas of examples/schema
//	GET  /api/openapi.json                          OpenAPI 3.1, built from the same schemas
//
// Exit codes: 0 stopped (Ctrl-C); 1 the server could not start; 2 wrong
// usage.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
