import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { AddressFields, addressSchema, emptyAddress } from '../../components/AddressFields';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { SubmitButton } from '../../components/SubmitButton';
import { api, ApiError } from '../../lib/api';
import { t } from '../../lib/messages';
import { fieldErrors, problemMessage } from '../../lib/problem';
import { cleanAddress } from '../checkout/address';
import { useSignIn } from './session';
import { safeReturnPath } from './SignInPage';

const schema = z.object({
  name: z.string().trim().min(1, 'Informe seu nome.').max(120),
  email: z.string().trim().min(1, 'Informe seu e-mail.').email('Informe um e-mail válido.'),
  password: z.string().min(10, 'A senha precisa de pelo menos 10 caracteres.').max(128),
  phone: z
    .string()
    .trim()
    .refine((v) => v === '' || /^(\+?55)?[\s.-]*\(?\d{2}\)?[\s.-]*9?\d{4}[\s.-]*\d{4}$/.test(v), 'Informe um telefone com DDD, como (11) 98765-4321.'),
  address: addressSchema,
});
type Form = z.infer<typeof schema>;

export function SignUpPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [error, setError] = useState<string | null>(null);
  const back = safeReturnPath(params.get('voltar'));
  const { register, handleSubmit, formState, setError: setFieldError } = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', email: '', password: '', phone: '', address: emptyAddress },
  });

  const onSubmit = async (form: Form) => {
    setError(null);
    try {
      await api.signUp({
        name: form.name,
        email: form.email,
        password: form.password,
        phone: form.phone || undefined,
        address: cleanAddress(form.address),
      });
    } catch (e) {
      if (!(e instanceof ApiError)) return setError(t.genericError);
      if (e.status === 409) {
        setFieldError('email', { message: t.emailTaken });
        return setError(t.emailTaken);
      }
      for (const [field, message] of Object.entries(fieldErrors(e.problem))) {
        setFieldError(field as Path<Form>, { message });
      }
      return setError(problemMessage(e.problem));
    }
    try {
      await signIn(form.email, form.password);
      navigate(back, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? problemMessage(e.problem) : t.genericError);
    }
  };

  const errors = formState.errors;
  return (
    <section className="narrow">
      <h1>{t.signUp}</h1>
      {error && <Alert kind="error">{error}</Alert>}
      <form onSubmit={handleSubmit(onSubmit)} noValidate>
        <Field label="Nome" error={errors.name?.message}>
          <input autoComplete="name" {...register('name')} />
        </Field>
        <Field label="E-mail" error={errors.email?.message}>
          <input type="email" autoComplete="email" {...register('email')} />
        </Field>
        <Field label="Senha" error={errors.password?.message} hint="Pelo menos 10 caracteres.">
          <input type="password" autoComplete="new-password" {...register('password')} />
        </Field>
        <Field label="Telefone" error={errors.phone?.message}>
          <input type="tel" autoComplete="tel" {...register('phone')} />
        </Field>
        <fieldset>
          <legend>{t.deliveryAddress}</legend>
          <AddressFields register={register} errors={errors.address} prefix="address" />
        </fieldset>
        <SubmitButton busy={formState.isSubmitting} sayBusy>
          {t.signUp}
        </SubmitButton>
      </form>
      <p>
        Já tem conta? <Link to={`/entrar?voltar=${encodeURIComponent(back)}`}>{t.signIn}</Link>
      </p>
    </section>
  );
}
