//go:build !unix

package watch

import "errors"

func syscallMkfifo(string) error { return errors.New("FIFOs need a Unix system") }
