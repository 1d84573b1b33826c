import type { FieldErrors, UseFormRegister, FieldValues, Path } from 'react-hook-form';
import { z } from 'zod';
import { Field } from './Field';

export const UFS = 'AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO'.split(' ');

/** A Brazilian address, with the same rules as the API's PostalAddress (messages in Portuguese). */
export const addressSchema = z.object({
  street: z.string().trim().min(1, 'Informe a rua.').max(200),
  number: z.string().trim().min(1, 'Informe o número.').max(20),
  complement: z.string().trim().max(100).optional(),
  district: z.string().trim().min(1, 'Informe o bairro.').max(100),
  city: z.string().trim().min(1, 'Informe a cidade.').max(100),
  state: z
    .string()
    .trim()
    .refine((v) => UFS.includes(v.toUpperCase()), 'Informe a UF, por exemplo SP.'),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}-?\d{3}$/, 'Informe um CEP como 01310-100.'),
});

export type AddressForm = z.infer<typeof addressSchema>;

export const emptyAddress: AddressForm = { street: '', number: '', complement: '', district: '', city: '', state: '', postalCode: '' };

/** The address inputs of a form whose address lives under `prefix` (e.g. "address"). */
export function AddressFields<T extends FieldValues>({
  register,
  errors,
  prefix,
}: {
  register: UseFormRegister<T>;
  errors?: FieldErrors<AddressForm>;
  prefix: string;
}) {
  const name = (field: keyof AddressForm) => `${prefix}.${field}` as Path<T>;
  return (
    <div className="address">
      <Field label="CEP" error={errors?.postalCode?.message}>
        <input inputMode="numeric" autoComplete="postal-code" {...register(name('postalCode'))} />
      </Field>
      <Field label="Rua" error={errors?.street?.message}>
        <input autoComplete="address-line1" {...register(name('street'))} />
      </Field>
      <div className="row">
        <Field label="Número" error={errors?.number?.message}>
          <input {...register(name('number'))} />
        </Field>
        <Field label="Complemento" error={errors?.complement?.message}>
          <input autoComplete="address-line2" {...register(name('complement'))} />
        </Field>
      </div>
      <Field label="Bairro" error={errors?.district?.message}>
        <input {...register(name('district'))} />
      </Field>
      <div className="row">
        <Field label="Cidade" error={errors?.city?.message}>
          <input autoComplete="address-level2" {...register(name('city'))} />
        </Field>
        <Field label="UF" error={errors?.state?.message}>
          <input maxLength={2} autoComplete="address-level1" {...register(name('state'))} />
        </Field>
      </div>
    </div>
  );
}
