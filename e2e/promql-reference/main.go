// Command promql-reference serves Prometheus's own TSDB and PromQL engine on loopback, as the
// oracle of Orrery's differential tests and the reference of its query benchmarks.
// Protocol: see README.md beside this file. The first line on stdout is the listen address.
package main

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ref, err := newReference()
	if err != nil {
		log.Fatalf("promql-reference: %v", err)
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatalf("promql-reference: listen: %v", err)
	}
	fmt.Println(listener.Addr().String())
	go stopWhenParentGoes(ref)
	server := &http.Server{Handler: ref.routes()}
	if err := server.Serve(listener); err != nil && err != http.ErrServerClosed {
		ref.close()
		log.Fatalf("promql-reference: serve: %v", err)
	}
}

// Removes the temporary TSDB when stdin closes (the parent went away) or on SIGINT/SIGTERM.
func stopWhenParentGoes(ref *reference) {
	stdinClosed := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, bufio.NewReader(os.Stdin))
		close(stdinClosed)
	}()
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	select {
	case <-stdinClosed:
	case <-signals:
	}
	ref.close()
	os.Exit(0)
}
