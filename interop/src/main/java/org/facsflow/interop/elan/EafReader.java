package org.facsflow.interop.elan;

import org.facsflow.interop.InteropFormatException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads .eaf files of formats 2.7 to 3.0, from ELAN or other tools, leniently where files in the wild differ from
 * the schema (element order, duplicate annotation ids, two-digit years) and strictly about what the times need:
 * <ul>
 *   <li>a time slot without a value (inside time subdivisions) is placed by linear interpolation between the
 *       nearest slots of the same tier that have one, in the tier's order, as ELAN shows them;</li>
 *   <li>a reference annotation takes the times of the annotation it refers to (through chains of them);</li>
 *   <li>media: the first MEDIA_DESCRIPTOR's MEDIA_URL (RELATIVE_MEDIA_URL where given) as written; TIME_ORIGIN
 *       offsets are not applied.</li>
 * </ul>
 * Both old (CV_ENTRY) and multilingual (CV_ENTRY_ML) vocabularies are accepted; annotation values are used as
 * written.
 */
public final class EafReader {
    private static final Set<String> FORMATS = Set.of("2.7", "2.8", "3.0");

    private EafReader() {
    }

    public static EafFile read(Path file) throws IOException {
        Document doc = parse(file);
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("ANNOTATION_DOCUMENT"))
            throw new InteropFormatException(file, "root element is <" + root.getTagName()
                    + ">, expected <ANNOTATION_DOCUMENT> (an ELAN .eaf file)");
        String format = root.getAttribute("FORMAT").isEmpty() ? root.getAttribute("VERSION") : root.getAttribute("FORMAT");
        if (!FORMATS.contains(format))
            throw new InteropFormatException(file, "EAF format \"" + format + "\" is not supported: expected 2.7, 2.8 or 3.0");
        Element header = first(root, "HEADER");
        if (header != null && !header.getAttribute("TIME_UNITS").isEmpty()
                && !header.getAttribute("TIME_UNITS").equals("milliseconds"))
            throw new InteropFormatException(file, "TIME_UNITS \"" + header.getAttribute("TIME_UNITS")
                    + "\": only milliseconds are supported");
        Optional<String> media = Optional.empty();
        if (header != null) {
            Element descriptor = first(header, "MEDIA_DESCRIPTOR");
            if (descriptor != null) {
                String relative = descriptor.getAttribute("RELATIVE_MEDIA_URL");
                media = Optional.of(relative.isEmpty() ? descriptor.getAttribute("MEDIA_URL") : relative);
            }
        }
        Map<String, Long> slots = new HashMap<>();
        Element order = first(root, "TIME_ORDER");
        if (order == null) throw new InteropFormatException(file, "no TIME_ORDER element");
        for (Element slot : children(order, "TIME_SLOT")) {
            String value = slot.getAttribute("TIME_VALUE");
            try {
                slots.put(slot.getAttribute("TIME_SLOT_ID"), value.isEmpty() ? null : Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                throw new InteropFormatException(file, "time slot " + slot.getAttribute("TIME_SLOT_ID")
                        + ": TIME_VALUE \"" + value + "\" is not a whole number of milliseconds");
            }
        }
        List<Element> tierElements = children(root, "TIER");
        Map<String, long[]> aligned = new HashMap<>();
        Map<String, String> references = new HashMap<>();
        Map<Element, long[]> byElement = new IdentityHashMap<>();
        for (Element tier : tierElements) alignTier(file, tier, slots, aligned, byElement, references);
        List<EafFile.Tier> tiers = new ArrayList<>();
        for (Element tier : tierElements) {
            List<EafFile.Annotation> annotations = new ArrayList<>();
            for (Element annotation : children(tier, "ANNOTATION")) {
                Element e = annotationElement(file, tier, annotation);
                String id = e.getAttribute("ANNOTATION_ID");
                String ref = e.getTagName().equals("REF_ANNOTATION") ? e.getAttribute("ANNOTATION_REF") : null;
                long[] t = ref == null ? byElement.get(e) : follow(file, id, aligned, references);
                Element value = first(e, "ANNOTATION_VALUE");
                annotations.add(new EafFile.Annotation(id, t[0], t[1], value == null ? "" : value.getTextContent(), ref));
            }
            String parent = tier.getAttribute("PARENT_REF");
            tiers.add(new EafFile.Tier(tier.getAttribute("TIER_ID"), tier.getAttribute("PARTICIPANT"),
                    parent.isEmpty() ? null : parent, tier.getAttribute("LINGUISTIC_TYPE_REF"), List.copyOf(annotations)));
        }
        return new EafFile(format, media, List.copyOf(tiers));
    }

    /** The times of the alignable annotation a reference annotation leads to, through chains of references. */
    private static long[] follow(Path file, String id, Map<String, long[]> aligned, Map<String, String> references)
            throws InteropFormatException {
        String at = id;
        for (int depth = 0; depth < 64 && at != null; depth++) {
            long[] t = aligned.get(at);
            if (t != null) return t;
            at = references.get(at);
        }
        throw new InteropFormatException(file, "reference annotation " + id + " leads to no time-aligned annotation");
    }

    private static Element annotationElement(Path file, Element tier, Element annotation) throws InteropFormatException {
        Element e = first(annotation, "ALIGNABLE_ANNOTATION");
        if (e == null) e = first(annotation, "REF_ANNOTATION");
        if (e == null) throw new InteropFormatException(file, "tier \"" + tier.getAttribute("TIER_ID")
                + "\": an ANNOTATION without ALIGNABLE_ANNOTATION or REF_ANNOTATION");
        return e;
    }

    /**
     * Puts the times of a tier's alignable annotations into {@code aligned} (interpolating slots without a value
     * between the nearest timed slots of the tier, in its order) and its references into {@code references}. A
     * duplicate annotation id (seen in files not written by ELAN) keeps its first times.
     */
    private static void alignTier(Path file, Element tier, Map<String, Long> slots, Map<String, long[]> aligned,
                                  Map<Element, long[]> byElement, Map<String, String> references)
            throws InteropFormatException {
        List<String[]> slotRefs = new ArrayList<>();
        List<Element> elements = new ArrayList<>();
        for (Element annotation : children(tier, "ANNOTATION")) {
            Element e = annotationElement(file, tier, annotation);
            String id = e.getAttribute("ANNOTATION_ID");
            if (e.getTagName().equals("REF_ANNOTATION")) {
                references.putIfAbsent(id, e.getAttribute("ANNOTATION_REF"));
                continue;
            }
            String s1 = e.getAttribute("TIME_SLOT_REF1"), s2 = e.getAttribute("TIME_SLOT_REF2");
            for (String s : new String[]{s1, s2})
                if (!slots.containsKey(s))
                    throw new InteropFormatException(file, "annotation " + id + " refers to time slot \"" + s
                            + "\", which TIME_ORDER does not define");
            slotRefs.add(new String[]{id, s1, s2});
            elements.add(e);
        }
        List<String> sequence = new ArrayList<>();
        for (String[] s : slotRefs) {
            if (sequence.isEmpty() || !sequence.get(sequence.size() - 1).equals(s[1])) sequence.add(s[1]);
            sequence.add(s[2]);
        }
        Map<String, Long> resolved = new HashMap<>();
        for (int i = 0; i < sequence.size(); i++) {
            Long v = slots.get(sequence.get(i));
            if (v != null) {
                resolved.put(sequence.get(i), v);
                continue;
            }
            int before = i - 1, after = i + 1;
            while (before >= 0 && slots.get(sequence.get(before)) == null) before--;
            while (after < sequence.size() && slots.get(sequence.get(after)) == null) after++;
            if (before < 0 || after >= sequence.size())
                throw new InteropFormatException(file, "tier \"" + tier.getAttribute("TIER_ID") + "\": time slot "
                        + sequence.get(i) + " has no time and no timed slot on both sides to place it between");
            long t0 = slots.get(sequence.get(before)), t1 = slots.get(sequence.get(after));
            resolved.putIfAbsent(sequence.get(i), Math.round(t0 + (t1 - t0) * (double) (i - before) / (after - before)));
        }
        for (int i = 0; i < slotRefs.size(); i++) {
            String[] s = slotRefs.get(i);
            long[] t = {resolved.get(s[1]), resolved.get(s[2])};
            if (t[1] < t[0])
                throw new InteropFormatException(file, "annotation " + s[0] + " ends (" + t[1] + " ms) before it starts ("
                        + t[0] + " ms)");
            aligned.putIfAbsent(s[0], t);
            byElement.put(elements.get(i), t);
        }
    }

    private static Document parse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new InteropFormatException(file, "no such file");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(file.toFile());
        } catch (SAXParseException e) {
            throw new InteropFormatException(file, e.getLineNumber(), "not well-formed XML (truncated?): " + e.getMessage());
        } catch (SAXException | ParserConfigurationException e) {
            throw new InteropFormatException(file, "cannot parse as XML: " + e.getMessage());
        }
    }

    static Element first(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
            if (n instanceof Element e && e.getTagName().equals(tag)) return e;
        return null;
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++)
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) out.add(e);
        return out;
    }
}
