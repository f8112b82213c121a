//go:build !windows

package main

import (
	"bytes"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Ctrl-C (SIGINT) and SIGTERM stop a forgery that would run for many
// minutes: once it has said how long it expects to take and started, the
// signal makes it report what was measured, then exit 130 or 143.
func TestForgeStopsOnSignal(t *testing.T) {
	// Hold both signals for the whole test, so that one that arrives
	// before forge listens cannot end the test binary.
	held := make(chan os.Signal, 16)
	signal.Notify(held, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(held)

	tests := []struct {
		sig    syscall.Signal
		status int
		says   string
	}{
		{syscall.SIGINT, exitInterrupted, "interrupted by Ctrl-C"},
		{syscall.SIGTERM, exitTerminated, "interrupted by SIGTERM"},
	}
	for _, tt := range tests {
		t.Run(tt.sig.String(), func(t *testing.T) {
			var stdout bytes.Buffer
			var stderr syncBuffer
			done := make(chan int)
			go func() {
				done <- run([]string{"escrowlab", "forge", "--bits", "32", "--seed", "1", "--no-color"}, strings.NewReader(""), &stdout, &stderr)
			}()
			var status int
		wait:
			for {
				select {
				case status = <-done:
					break wait
				case <-time.After(100 * time.Millisecond):
					if strings.Contains(stderr.String(), "expected about") {
						syscall.Kill(os.Getpid(), tt.sig) // the search has begun
					}
				}
			}
			if status != tt.status {
				t.Fatalf("exit status %d, want %d; stderr:\n%s", status, tt.status, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.says) {
				t.Fatalf("stderr %q does not say %q", stderr.String(), tt.says)
			}
			if !strings.Contains(stdout.String(), "no LEAF found yet") || !strings.Contains(stdout.String(), "Interrupted: 0 of 1 trial finished") {
				t.Fatalf("the report of what was measured is missing:\n%s", stdout.String())
			}
		})
	}
}

// Ctrl-C stops a large matrix while it records the archive: nothing was
// measured yet, and escrowlab says so and exits 130.
func TestMatrixStopsOnSignal(t *testing.T) {
	held := make(chan os.Signal, 16)
	signal.Notify(held, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(held)
	var stdout, stderr bytes.Buffer
	done := make(chan int)
	go func() {
		done <- run([]string{"escrowlab", "matrix", "--sessions", "5000", "--people", "500", "--seed", "1", "--no-color"}, strings.NewReader(""), &stdout, &stderr)
	}()
	var status int
wait:
	for {
		select {
		case status = <-done:
			break wait
		case <-time.After(100 * time.Millisecond):
			syscall.Kill(os.Getpid(), syscall.SIGINT)
		}
	}
	if status != exitInterrupted || !strings.Contains(stderr.String(), "interrupted by Ctrl-C") {
		t.Fatalf("exit status %d, stderr %q; want %d and an interruption", status, stderr.String(), exitInterrupted)
	}
}

// Ctrl-C stops a long scenario run: what happened so far is printed, with
// a note that the run was interrupted, and escrowlab exits 130.
func TestScenarioStopsOnSignal(t *testing.T) {
	held := make(chan os.Signal, 16)
	signal.Notify(held, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(held)
	file := t.TempDir() + "/big.yaml"
	if err := os.WriteFile(file, []byte("title: big\ncast: [Alice, Bob]\ntraffic: {people: 500, sessions: 5000, days: 3650}\nevents: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	done := make(chan int)
	go func() {
		done <- run([]string{"escrowlab", "scenario", "run", file, "--seed", "1", "--no-color"}, strings.NewReader(""), &stdout, &stderr)
	}()
	var status int
wait:
	for {
		select {
		case status = <-done:
			break wait
		case <-time.After(100 * time.Millisecond):
			syscall.Kill(os.Getpid(), syscall.SIGINT)
		}
	}
	if status != exitInterrupted || !strings.Contains(stderr.String(), "interrupted by Ctrl-C") {
		t.Fatalf("exit status %d, stderr %q; want %d and an interruption", status, stderr.String(), exitInterrupted)
	}
	if !strings.Contains(stdout.String(), "Interrupted: the run stopped on") {
		t.Fatalf("the transcript so far is missing:\n%s", stdout.String())
	}
}
