package io.gradlight.nn;

/** What a state-dict name refers to in a module: a parameter, a buffer or a counter. */
sealed interface StateEntry permits Parameter, Buffer, Counter {}
