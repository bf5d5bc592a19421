package io.hyclus.analysis.embed;

import io.hyclus.analysis.AnalysisException;

/** Input a t-SNE fit or transform refuses: non-finite values, too few points, a dimension that does not match. */
public class EmbeddingInputException extends AnalysisException {
    public EmbeddingInputException(String message) {
        super(message);
    }
}
