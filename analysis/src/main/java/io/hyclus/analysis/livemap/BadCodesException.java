package io.hyclus.analysis.livemap;

import io.hyclus.analysis.AnalysisException;

/** A sample's codes the map cannot take (a code size its model's map was not fitted on); the service goes on. */
public class BadCodesException extends AnalysisException {
    public BadCodesException(String message) {
        super(message);
    }
}
