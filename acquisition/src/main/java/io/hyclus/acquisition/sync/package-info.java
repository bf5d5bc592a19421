/**
 * Tray scans, the one scan path of demo and campaign alike: the belt runs at a set speed, lines are triggered by
 * encoder position (line pitch from belt speed and frame rate), every camera is triggered at the same position,
 * frame sequence numbers reveal dropped and duplicated frames and saturated values are counted. Any fault stops
 * the belt.
 */
package io.hyclus.acquisition.sync;
