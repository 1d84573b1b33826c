import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { z } from 'zod';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { Options } from '../../../components/Options';
import { SubmitButton } from '../../../components/SubmitButton';
import { api, ApiError } from '../../../lib/api';
import { a, categories, categoryOrder, units } from '../../../lib/messages';
import { fieldErrors } from '../../../lib/problem';
import type { Category, Ingredient, Product, ProductRequest } from '../../../lib/types';
import { formPath, problemText, RecordView, useConsoleQuery } from '../common';
import { useIngredients, useStockChanged } from '../stock/api';

const schema = z.object({
  name: z.string().trim().min(1, a.nameRequired).max(120),
  description: z.string().trim().max(1000),
  category: z.enum(['PIZZA', 'SIDE', 'DRINK', 'DESSERT']),
  price: z.string().trim().regex(/^\d{1,7}([,.]\d{1,2})?$/, a.priceInvalid),
  active: z.boolean(),
  recipe: z
    .array(z.object({ sku: z.string().min(1, a.recipeSku), quantity: z.string().trim().regex(/^[1-9]\d{0,8}$/, a.recipeQuantity) }))
    .min(1, a.recipeRequired)
    .superRefine((lines, ctx) => {
      const seen = new Set<string>();
      lines.forEach((line, index) => {
        if (line.sku && seen.has(line.sku)) ctx.addIssue({ code: 'custom', path: [index, 'sku'], message: a.recipeTwice });
        seen.add(line.sku);
      });
    }),
});
type Form = z.infer<typeof schema>;

/** "45,90" → 4590 */
export function priceToCents(price: string): number {
  const [whole = '0', fraction = ''] = price.trim().replace('.', ',').split(',');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 4590 → "45,90" */
export function centsToPrice(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

function toForm(product?: Product): Form {
  if (!product) return { name: '', description: '', category: 'PIZZA', price: '', active: true, recipe: [{ sku: '', quantity: '' }] };
  return {
    name: product.name,
    description: product.description ?? '',
    category: product.category,
    price: centsToPrice(product.priceCents),
    active: product.active,
    recipe: product.recipe.map((line) => ({ sku: line.sku, quantity: String(line.quantity) })),
  };
}

function toRequest(form: Form): ProductRequest {
  return {
    name: form.name.trim(),
    description: form.description.trim(),
    category: form.category as Category,
    priceCents: priceToCents(form.price),
    active: form.active,
    recipe: form.recipe.map((line) => ({ sku: line.sku, quantity: Number(line.quantity) })),
  };
}

/** The API's field (priceCents, recipe[0].quantity) as this form names it. */
function formField(apiField: string): Path<Form> | null {
  if (apiField === 'priceCents') return 'price';
  const path = formPath(apiField);
  return /^(name|description|category|active|recipe(\.\d+(\.(sku|quantity))?)?)$/.test(path) ? (path as Path<Form>) : null;
}

export function ProductNewPage() {
  return <ProductForm />;
}

export function ProductEditPage() {
  const { id = '' } = useParams();
  const product = useConsoleQuery(['product', id], () => api.product(id));
  return <RecordView query={product}>{(found) => <ProductForm product={found} />}</RecordView>;
}

/** Create or edit a product: name, description, category, price, active, and its recipe (ingredient and quantity). */
function ProductForm({ product }: { product?: Product }) {
  const navigate = useNavigate();
  const changed = useStockChanged();
  const ingredients = useIngredients();
  const [error, setError] = useState<string | null>(null);
  const { register, control, handleSubmit, formState, setError: setFieldError } = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: toForm(product),
  });
  const recipe = useFieldArray({ control, name: 'recipe' });
  const lines = useWatch({ control, name: 'recipe' });

  const onSubmit = async (form: Form) => {
    setError(null);
    try {
      const saved = product ? await api.updateProduct(product.id, toRequest(form)) : await api.createProduct(toRequest(form));
      changed();
      navigate('/admin/produtos', { state: { saved: saved.name } });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setFieldError('name', { message: a.nameTaken });
        return setError(a.nameTaken);
      }
      if (e instanceof ApiError) {
        for (const [field, message] of Object.entries(fieldErrors(e.problem))) {
          const name = formField(field);
          if (name) setFieldError(name, { message });
        }
      }
      setError(problemText(e));
    }
  };

  const errors = formState.errors;
  const list: Ingredient[] = ingredients.data?.items ?? [];
  const unitOf = (index: number) => {
    const unit = list.find((i) => i.sku === lines?.[index]?.sku)?.unit;
    return unit ? units[unit] : undefined;
  };
  return (
    <section aria-labelledby="product-form">
      <p>
        <Link to="/admin/produtos">← {a.products}</Link>
      </p>
      <h2 id="product-form">{product ? a.editProduct(product.name) : a.newProduct}</h2>
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="product-form">
        <Field label={a.name} error={errors.name?.message}>
          <input autoComplete="off" {...register('name')} />
        </Field>
        <Field label={a.description} error={errors.description?.message}>
          <input autoComplete="off" {...register('description')} />
        </Field>
        <div className="row">
          <Field label={a.category} error={errors.category?.message}>
            <select {...register('category')}>
              <Options values={categoryOrder} labels={categories} />
            </select>
          </Field>
          <Field label={a.price} error={errors.price?.message} hint={a.priceHint}>
            <input inputMode="decimal" autoComplete="off" {...register('price')} />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" {...register('active')} /> {a.active}
        </label>
        <fieldset>
          <legend>{a.recipe}</legend>
          {recipe.fields.map((line, index) => {
            const n = index + 1;
            const lineErrors = errors.recipe?.[index];
            return (
              <div className="row recipe-line" key={line.id}>
                <Field label={a.lineIngredient(n)} error={lineErrors?.sku?.message}>
                  <select {...register(`recipe.${index}.sku` as const)}>
                    <option value="">—</option>
                    {list.map((i) => (
                      <option key={i.sku} value={i.sku}>
                        {i.name} ({i.sku})
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={a.lineQuantity(n)} error={lineErrors?.quantity?.message} hint={unitOf(index)}>
                  <input inputMode="numeric" autoComplete="off" {...register(`recipe.${index}.quantity` as const)} />
                </Field>
                <button type="button" className="link" aria-label={a.removeLine(n)} onClick={() => recipe.remove(index)}>
                  ✕
                </button>
              </div>
            );
          })}
          {errors.recipe?.message && <p className="field-error">{errors.recipe.message}</p>}
          {errors.recipe?.root?.message && <p className="field-error">{errors.recipe.root.message}</p>}
          <button type="button" onClick={() => recipe.append({ sku: '', quantity: '' })}>
            {a.addIngredient}
          </button>
        </fieldset>
        {error && <Alert kind="error">{error}</Alert>}
        <SubmitButton busy={formState.isSubmitting}>{product ? a.save : a.create}</SubmitButton>
      </form>
    </section>
  );
}
