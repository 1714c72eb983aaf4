package org.facsflow.interop.elan;

import org.facsflow.io.AtomicFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An EAF 3.0 document being built, in the element order the schema's sequence demands (HEADER, TIME_ORDER, TIER,
 * LINGUISTIC_TYPE, LANGUAGE, CONSTRAINT, CONTROLLED_VOCABULARY), written atomically. Each alignable annotation gets
 * its own pair of time slots (milliseconds, as ELAN stores them); a controlled vocabulary's entries are referred to
 * from annotations by CVE_REF, as ELAN does.
 */
final class EafDocument {
    static final String DETAIL_TYPE = "facsflow detail";
    private static final String LANGUAGE = "eng";

    private final Document doc;
    private final Element root, header, timeOrder;
    private final Map<String, Element> tiers = new LinkedHashMap<>();
    private final List<Element> types = new ArrayList<>();
    private final Map<String, Element> vocabularies = new LinkedHashMap<>();
    private int slots, annotations;

    EafDocument() {
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not configured", e);
        }
        root = doc.createElement("ANNOTATION_DOCUMENT");
        root.setAttribute("AUTHOR", "facsflow");
        root.setAttribute("DATE", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        root.setAttribute("FORMAT", "3.0");
        root.setAttribute("VERSION", "3.0");
        root.setAttribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
        root.setAttribute("xsi:noNamespaceSchemaLocation", "http://www.mpi.nl/tools/elan/EAFv3.0.xsd");
        doc.appendChild(root);
        header = child(root, "HEADER");
        header.setAttribute("MEDIA_FILE", "");
        header.setAttribute("TIME_UNITS", "milliseconds");
        timeOrder = child(root, "TIME_ORDER");
        type(DETAIL_TYPE, null, false);
    }

    /** Links the media: absolute file URL, and the path relative to the .eaf's folder. */
    void media(Path eaf, Path media) {
        Element d = doc.createElement("MEDIA_DESCRIPTOR");
        Path absolute = media.toAbsolutePath().normalize();
        d.setAttribute("MEDIA_URL", absolute.toUri().toString());
        Path folder = eaf.toAbsolutePath().normalize().getParent();
        String relative = folder.relativize(absolute).toString().replace('\\', '/');
        d.setAttribute("RELATIVE_MEDIA_URL", relative.startsWith("../") ? relative : "./" + relative);
        d.setAttribute("MIME_TYPE", mimeType(media));
        header.appendChild(d);
    }

    static String mimeType(Path media) {
        String name = media.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "mp4", "m4v" -> "video/mp4";
            case "mov" -> "video/quicktime";
            case "avi" -> "video/x-msvideo";
            case "mkv" -> "video/x-matroska";
            case "webm" -> "video/webm";
            case "mpg", "mpeg" -> "video/mpeg";
            case "wav" -> "audio/x-wav";
            default -> "video/*";
        };
    }

    /** A linguistic type, time-alignable or a symbolic association, with an optional vocabulary. */
    void type(String id, String vocabulary, boolean alignable) {
        Element t = doc.createElement("LINGUISTIC_TYPE");
        t.setAttribute("LINGUISTIC_TYPE_ID", id);
        t.setAttribute("TIME_ALIGNABLE", Boolean.toString(alignable));
        t.setAttribute("GRAPHIC_REFERENCES", "false");
        if (!alignable) t.setAttribute("CONSTRAINTS", "Symbolic_Association");
        if (vocabulary != null) t.setAttribute("CONTROLLED_VOCABULARY_REF", vocabulary);
        types.add(t);
    }

    /** A controlled vocabulary of {value, description} entries; entry ids are "&lt;prefix&gt;_&lt;value&gt;". */
    void vocabulary(String id, String description, String prefix, String[][] entries) {
        Element cv = doc.createElement("CONTROLLED_VOCABULARY");
        cv.setAttribute("CV_ID", id);
        Element d = child(cv, "DESCRIPTION");
        d.setAttribute("LANG_REF", LANGUAGE);
        d.setTextContent(description);
        for (String[] entry : entries) {
            Element e = child(cv, "CV_ENTRY_ML");
            e.setAttribute("CVE_ID", entryId(prefix, entry[0]));
            Element v = child(e, "CVE_VALUE");
            v.setAttribute("LANG_REF", LANGUAGE);
            v.setAttribute("DESCRIPTION", entry[1]);
            v.setTextContent(entry[0]);
        }
        vocabularies.put(id, cv);
    }

    static String entryId(String prefix, String value) {
        return prefix + "_" + value.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** A tier (created on first use). */
    void tier(String id, String type, String participant, String parent) {
        if (tiers.containsKey(id)) return;
        Element t = doc.createElement("TIER");
        t.setAttribute("TIER_ID", id);
        t.setAttribute("LINGUISTIC_TYPE_REF", type);
        if (participant != null) t.setAttribute("PARTICIPANT", participant);
        t.setAttribute("ANNOTATOR", "facsflow");
        if (parent != null) t.setAttribute("PARENT_REF", parent);
        tiers.put(id, t);
    }

    /** An annotation from {@code onset} to {@code offset} seconds (at least 1 ms long); returns its id. */
    String annotate(String tier, double onset, double offset, String value, String cveRef) {
        long start = Math.round(onset * 1000), end = Math.max(start + 1, Math.round(offset * 1000));
        Element a = doc.createElement("ALIGNABLE_ANNOTATION");
        String id = "a" + ++annotations;
        a.setAttribute("ANNOTATION_ID", id);
        a.setAttribute("TIME_SLOT_REF1", slot(start));
        a.setAttribute("TIME_SLOT_REF2", slot(end));
        if (cveRef != null) a.setAttribute("CVE_REF", cveRef);
        child(a, "ANNOTATION_VALUE").setTextContent(value);
        child(tiers.get(tier), "ANNOTATION").appendChild(a);
        return id;
    }

    /** A reference annotation on a child tier, attached to annotation {@code parent}. */
    void refer(String tier, String parent, String value) {
        Element a = doc.createElement("REF_ANNOTATION");
        a.setAttribute("ANNOTATION_ID", "a" + ++annotations);
        a.setAttribute("ANNOTATION_REF", parent);
        child(a, "ANNOTATION_VALUE").setTextContent(value);
        child(tiers.get(tier), "ANNOTATION").appendChild(a);
    }

    private String slot(long ms) {
        Element s = child(timeOrder, "TIME_SLOT");
        String id = "ts" + ++slots;
        s.setAttribute("TIME_SLOT_ID", id);
        s.setAttribute("TIME_VALUE", Long.toString(ms));
        return id;
    }

    private Element child(Element parent, String tag) {
        Element e = doc.createElement(tag);
        parent.appendChild(e);
        return e;
    }

    void write(Path eaf) throws IOException {
        Element property = child(header, "PROPERTY");
        property.setAttribute("NAME", "lastUsedAnnotationId");
        property.setTextContent(Integer.toString(annotations));
        for (Element t : tiers.values()) root.appendChild(t);
        for (Element t : types) root.appendChild(t);
        Element language = child(root, "LANGUAGE");
        language.setAttribute("LANG_DEF", "http://cdb.iso.org/lg/CDB-00138502-001");
        language.setAttribute("LANG_ID", LANGUAGE);
        language.setAttribute("LANG_LABEL", "English (eng)");
        Element constraint = child(root, "CONSTRAINT");
        constraint.setAttribute("DESCRIPTION", "1-1 association with a parent annotation");
        constraint.setAttribute("STEREOTYPE", "Symbolic_Association");
        for (Element cv : vocabularies.values()) root.appendChild(cv);
        AtomicFile.write(eaf, out -> {
            try {
                Transformer t = TransformerFactory.newInstance().newTransformer();
                t.setOutputProperty(OutputKeys.INDENT, "yes");
                t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
                t.transform(new DOMSource(doc), new StreamResult(out));
            } catch (TransformerException e) {
                throw new IOException("cannot write " + eaf + ": " + e.getMessage(), e);
            }
        });
    }
}
