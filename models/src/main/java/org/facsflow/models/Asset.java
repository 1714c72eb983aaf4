package org.facsflow.models;

import java.util.List;

/**
 * One file facsflow prepares at set-up from a registry package: a model (converted by our own code) or a
 * test/demo medium (copied as is). The catalogue of these is the single list the CLI, the set-up step and the
 * docs read.
 *
 * @param name      short id used in code, e.g. {@code face-mesh}
 * @param kind      {@code model} or {@code media}
 * @param stage     pipeline stage it serves, e.g. "face detection"
 * @param registry  npm (the only registry used so far; the field keeps the catalogue honest if Debian or Maven join)
 * @param pkg       package name in that registry
 * @param version   exact package version
 * @param sources   paths inside the package that the converter reads
 * @param converter how the sources become the prepared file, see {@code org.facsflow.modelprep.Converters}
 * @param file      prepared file name in the cache
 * @param format    format of the prepared file
 * @param licence   licence as stated by the package
 * @param sha256    SHA-256 of the prepared file, recorded in the repository
 * @param outputs   for a graph converter, the outputs to keep, in this order (what they do not need is dropped);
 *                  empty (absent from the catalogue): all of the graph's outputs
 * @param batch     for a graph converter, the batch size the model is fixed to; 0 (absent): 1
 */
public record Asset(String name, String kind, String stage, String registry, String pkg, String version,
                    List<String> sources, String converter, String file, String format, String licence,
                    String sha256, List<String> outputs, int batch) {

    public Asset {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        if (batch == 0) batch = 1;
        if (batch < 1) throw new IllegalArgumentException(name + ": batch " + batch);
    }

    public boolean isModel() {
        return "model".equals(kind);
    }

    /** The package spec an ordinary registry client understands, e.g. {@code @vladmandic/human@3.3.6}. */
    public String packageSpec() {
        return pkg + "@" + version;
    }
}
