package attack

import "sync"

// sessionStore keeps what a scheme knows of each session (its keys, as the
// two ends knew them) for the sessions the world's Keep policy names, and
// nothing for the others, safely under concurrent calls.
type sessionStore[V any] struct {
	mu   sync.Mutex
	keep func(session int) bool
	m    map[int]V
}

// newSessionStore returns a store that keeps the sessions keep names.
func newSessionStore[V any](keep func(session int) bool) *sessionStore[V] {
	if keep == nil {
		keep = func(int) bool { return true }
	}
	return &sessionStore[V]{keep: keep, m: map[int]V{}}
}

// put keeps v for session, if the policy keeps that session.
func (s *sessionStore[V]) put(session int, v V) {
	if !s.keep(session) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[session] = v
}

// get returns what was kept of session.
func (s *sessionStore[V]) get(session int) (V, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[session]
	return v, ok
}
