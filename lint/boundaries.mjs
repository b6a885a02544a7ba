// The runtime boundaries of ARCHITECTURE.md as one lint rule that denies by default (the idea of
// Signal Desktop's file-suffix rule, with folders instead of suffixes): every linted file belongs
// to a layer found by its path, every import names a layer (a project file, found by resolving the
// path) or a package, and a layer may import only what its entry in eslint.config.mjs lists. A file
// in no layer, an import of a project file in no layer, an unlisted package and an import() whose
// target is not a plain string are all errors: a new folder or dependency is classified on purpose,
// never allowed by accident.
import path from 'node:path';

/**
 * @typedef {{ may: string[]; packages: string[] }} Allowance
 * @typedef {Allowance & { files: string[]; tests?: Partial<Allowance>; computedImports?: boolean; why: string }} Layer
 * @typedef {{ root: string; layers: Record<string, Layer> }} Options
 */

const TEST_FILE = /\.test\.tsx?$/;

/** A path relative to the root, with '/' separators, no extension and no trailing '/index'. */
function normalise(relative) {
  return relative
    .split(path.sep)
    .join('/')
    .replace(/\.(d\.ts|tsx?|mjs|js)$/, '')
    .replace(/\/index$/, '');
}

/**
 * The layer of a project path: the longest pattern that matches. A pattern ending in '/' matches
 * everything below that folder and the folder itself (its index); any other pattern matches that
 * one module (a file, or a folder's index).
 */
function layerOf(layers, modulePath) {
  let best = null;
  let bestLength = -1;
  for (const [name, layer] of Object.entries(layers)) {
    for (const pattern of layer.files) {
      const folder = pattern.endsWith('/');
      const matches = folder
        ? modulePath.startsWith(pattern) || modulePath === pattern.slice(0, -1)
        : modulePath === normalise(pattern);
      if (matches && pattern.length > bestLength) {
        best = name;
        bestLength = pattern.length;
      }
    }
  }
  return best;
}

/** 'react-dom/client' → 'react-dom', '@pdf-lib/fontkit/x' → '@pdf-lib/fontkit', 'node:fs' → 'node:fs'. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function packageAllowed(allowed, specifier) {
  const name = packageName(specifier);
  return allowed.some((p) =>
    p.endsWith('*') ? specifier.startsWith(p.slice(0, -1)) : p === specifier || p === name,
  );
}

/** @type {import('eslint').Rule.RuleModule} */
export const boundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Every file belongs to a layer; a layer imports only what it is allowed to.' },
    schema: [{ type: 'object', additionalProperties: true }],
    messages: {
      unclassifiedFile: '{{file}} belongs to no layer of eslint.config.mjs: classify its folder first.',
      unclassifiedTarget: "'{{source}}' resolves outside every layer ({{target}}).",
      layer: "{{layer}} may not import '{{source}}' ({{target}} is {{targetLayer}}). {{why}}",
      package: "{{layer}} may not import the package '{{source}}'. {{why}}",
      dynamic: 'import() of a computed path cannot be checked against the boundaries; use a string.',
    },
  },
  create(context) {
    /** @type {Options} */
    const { root, layers } = context.options[0];
    const relative = path.relative(root, context.filename);
    const file = normalise(relative);
    const layerName = layerOf(layers, file);
    const isTest = TEST_FILE.test(context.filename);

    if (layerName === null) {
      return {
        Program(node) {
          context.report({ node, messageId: 'unclassifiedFile', data: { file: relative } });
        },
      };
    }
    const layer = layers[layerName];
    const may = [...layer.may, ...(isTest ? (layer.tests?.may ?? []) : [])];
    const packages = [...layer.packages, ...(isTest ? (layer.tests?.packages ?? []) : [])];

    function check(node, raw) {
      const source = raw.replace(/\?.*$/, '');
      if (source.startsWith('.') || source.startsWith('/')) {
        const target = normalise(path.relative(root, path.resolve(path.dirname(context.filename), source)));
        const targetLayer = layerOf(layers, target);
        if (targetLayer === null) {
          context.report({ node, messageId: 'unclassifiedTarget', data: { source: raw, target } });
        } else if (targetLayer !== layerName && !may.includes(targetLayer)) {
          context.report({
            node,
            messageId: 'layer',
            data: { layer: layerName, source: raw, target, targetLayer, why: layer.why },
          });
        }
        return;
      }
      if (!packageAllowed(packages, source)) {
        context.report({
          node,
          messageId: 'package',
          data: { layer: layerName, source: raw, why: layer.why },
        });
      }
    }

    function fromDeclaration(node) {
      if (node.source && typeof node.source.value === 'string') check(node.source, node.source.value);
    }

    return {
      ImportDeclaration: fromDeclaration,
      ExportAllDeclaration: fromDeclaration,
      ExportNamedDeclaration: fromDeclaration,
      ImportExpression(node) {
        const arg = node.source;
        if (arg.type === 'Literal' && typeof arg.value === 'string') check(arg, arg.value);
        else if (arg.type === 'TemplateLiteral' && arg.expressions.length === 0) {
          check(arg, arg.quasis[0].value.cooked);
        } else if (!layer.computedImports) context.report({ node, messageId: 'dynamic' });
      },
      // `typeof import('dexie')` in a type names a module as well.
      TSImportType(node) {
        const arg = node.argument;
        const literal = arg?.type === 'TSLiteralType' ? arg.literal : arg;
        if (literal?.type === 'Literal' && typeof literal.value === 'string') check(literal, literal.value);
      },
    };
  },
};

export default { rules: { boundaries: boundariesRule } };
