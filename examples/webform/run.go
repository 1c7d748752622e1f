package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/norm"
)

// The server's timeouts: a slow or stalled client cannot hold a
// connection open, and a request has a bounded time to arrive and be
// answered.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 10 * time.Second
	maxHeaderBytes    = 64 << 10
)

// newServer is the http.Server with its timeouts and limits.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
	}
}

// run is the whole program, so that tests can call it: it serves until
// ctx is done, then shuts down gracefully.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	lang := cli.GuessLang(args)
	h := func(nl, en string) string { return norm.T(nl, en).In(lang) }
	fs := flag.NewFlagSet("webform", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", h("adres om op te luisteren (host:poort)", "address to listen on (host:port)"))
	fs.String("lang", "nl", h("taal van deze hulptekst: nl of en (het formulier heeft een taalkeuze)", "language of this help: nl or en (the form has a language switch)"))
	usage := func() {
		io.WriteString(stderr, h("gebruik: webform [-addr HOST:POORT]\n\nEen webformulier voor de zelfevaluatie Goed gesprek, met een JSON-API.\n\n",
			"usage: webform [-addr HOST:PORT]\n\nA web form for the Goed gesprek self-assessment, with a JSON API.\n\n"))
		fs.SetOutput(stderr)
		fs.PrintDefaults()
	}
	pos, err := cli.Parse(fs, args)
	if err == nil && len(pos) > 0 {
		err = cli.Usagef("onverwacht argument %q", "unexpected argument %q", pos[0])
	}
	if err == nil {
		if _, _, e := net.SplitHostPort(*addr); e != nil {
			err = cli.Usagef("-addr %q: gebruik host:poort, bijvoorbeeld 127.0.0.1:8080", "-addr %q: use host:port, for example 127.0.0.1:8080", *addr)
		}
	}
	if err != nil {
		return cli.ReportUsage(stderr, lang, "webform", err, usage)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "webform: %v\n", err)
		return cli.ExitInvalid
	}
	srv := newServer(newHandler())
	fmt.Fprintf(stdout, "%s http://%s/\n", h("webform: open", "webform: open"), ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintf(stderr, "webform: %v\n", err)
		return cli.ExitInvalid
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		fmt.Fprintf(stderr, "webform: %v\n", err)
		return cli.ExitInvalid
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "webform: %v\n", err)
		return cli.ExitInvalid
	}
	return cli.ExitOK
}
