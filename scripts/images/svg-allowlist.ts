/**
 * What an SVG image may hold to be printed (svg.ts): the elements that draw,
 * and the attributes that say how. Anything else is either dropped (it only
 * describes: metadata, editors' data, animation) or refuses the image.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Elements that draw or define what is drawn. */
export const ELEMENTS: ReadonlySet<string> = new Set(
  [
    'svg g defs symbol use switch a path rect circle ellipse line polyline polygon text tspan textPath image',
    'linearGradient radialGradient stop pattern clipPath mask marker style',
    'filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting',
    'feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur',
    'feImage feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence',
  ].join(' ').split(' '),
);

/** Elements that only describe or move: dropped with what they hold, named in the privacy line. */
export const DROPPED: Readonly<Record<string, string>> = {
  metadata: 'metadata',
  title: 'title and description',
  desc: 'title and description',
  animate: 'animation',
  animateMotion: 'animation',
  animateTransform: 'animation',
  animateColor: 'animation',
  set: 'animation',
  mpath: 'animation',
  discard: 'animation',
  view: 'views',
  cursor: 'cursor',
};

/** Attributes without a namespace that are kept. */
export const ATTRIBUTES: ReadonlySet<string> = new Set(
  [
    // core, geometry and structure
    'id class style lang tabindex transform viewBox preserveAspectRatio x y x1 y1 x2 y2 cx cy r rx ry fx fy fr',
    'width height d points pathLength href version baseProfile',
    'requiredExtensions requiredFeatures systemLanguage',
    // gradients, patterns, clips, masks, markers
    'gradientUnits gradientTransform spreadMethod offset patternUnits patternContentUnits patternTransform',
    'clipPathUnits maskUnits maskContentUnits markerUnits markerWidth markerHeight refX refY orient',
    // presentation
    'alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation color-interpolation-filters',
    'color-rendering direction display dominant-baseline fill fill-opacity fill-rule filter flood-color flood-opacity',
    'font font-family font-size font-size-adjust font-stretch font-style font-variant font-weight',
    'image-rendering letter-spacing lighting-color marker marker-start marker-mid marker-end mask mask-type opacity',
    'overflow paint-order shape-rendering stop-color stop-opacity stroke stroke-dasharray stroke-dashoffset',
    'stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width text-anchor text-decoration',
    'text-rendering transform-origin unicode-bidi vector-effect visibility word-spacing writing-mode isolation mix-blend-mode',
    // text
    'dx dy rotate textLength lengthAdjust startOffset method spacing side',
    // filters
    'filterUnits primitiveUnits in in2 result mode values type tableValues slope intercept amplitude exponent',
    'operator k1 k2 k3 k4 order kernelMatrix divisor bias targetX targetY edgeMode kernelUnitLength preserveAlpha',
    'surfaceScale diffuseConstant specularConstant specularExponent scale xChannelSelector yChannelSelector',
    'stdDeviation azimuth elevation z pointsAtX pointsAtY pointsAtZ limitingConeAngle radius baseFrequency',
    'numOctaves seed stitchTiles',
  ].join(' ').split(' '),
);

/** Namespaces of drawing programs' own data (Inkscape, Sodipodi, Illustrator, Sketch …): dropped. */
export function isEditorNamespace(namespace: string | null): boolean {
  return namespace !== null && namespace !== SVG_NS && namespace !== XLINK_NS && namespace !== XML_NS && !/xhtml|w3\.org\/1999\/xhtml|mathml/i.test(namespace);
}

/** A reference an SVG may make: to a place inside itself, or an image carried inside it. */
export function isInternalReference(target: string): boolean {
  const value = target.trim();
  return value === '' || value.startsWith('#') || /^data:image\/(png|jpeg|gif|webp)[;,]/i.test(value);
}
