package org.facsflow.face.inference;

/** A model plus its translator: the only thing a face-stage class calls. Not thread-safe: one per thread. */
public final class Predictor<I, O> implements AutoCloseable {
    private final OnnxModel model;
    private final Translator<I, O> translator;

    public Predictor(OnnxModel model, Translator<I, O> translator) {
        this.model = model;
        this.translator = translator;
    }

    public O predict(I in) {
        translator.encode(in, model.inputBuffer());
        return translator.decode(model.run(), in);
    }

    @Override
    public void close() {
        model.close();
    }
}
