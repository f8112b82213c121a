package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
)

// interrupted is returned by a command that a signal stopped, after it has
// reported what was measured before it, if anything.
type interrupted struct {
	sig     os.Signal
	nothing bool // stopped before anything was measured
}

func (e interrupted) Error() string { return "interrupted by " + signalName(e.sig) }

// exitCode is the shell's convention for a process stopped by a signal:
// 128 plus its number, 130 for Ctrl-C (SIGINT) and 143 for SIGTERM.
func (e interrupted) exitCode() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitInterrupted
}

func signalName(s os.Signal) string {
	switch s {
	case nil:
		return "an interrupt"
	case os.Interrupt:
		return "Ctrl-C"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return fmt.Sprint(s)
}

// onSignal returns a context that Ctrl-C (SIGINT) or SIGTERM cancels, a
// function to call when the work is over, and one that reports the signal
// that cancelled it, if any. Only the first signal is caught: a second one
// stops escrowlab at once, as usual.
func onSignal(parent context.Context) (ctx context.Context, stop func(), caught func() os.Signal) {
	ctx, cancel := context.WithCancel(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	var got atomic.Value
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			got.Store(s)
			signal.Stop(ch)
			cancel()
		case <-done:
		}
	}()
	stop = func() {
		signal.Stop(ch)
		close(done)
		cancel()
	}
	caught = func() os.Signal {
		s, _ := got.Load().(os.Signal)
		return s
	}
	return ctx, stop, caught
}
