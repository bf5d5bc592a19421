/**
 * Synchronised acquisition: the belt runs at a set speed, lines are triggered by encoder position (line pitch
 * from belt speed and frame rate), every camera is triggered at the same position, and frame sequence numbers
 * reveal dropped and duplicated frames. Any fault stops the belt.
 */
package io.hyclus.acquisition.sync;
