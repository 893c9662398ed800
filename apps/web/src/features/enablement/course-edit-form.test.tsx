import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { updateCourseBody } from '@partnergraph/shared/contracts/enablement';
import type { Course, UpdateCourseInput } from '../../api/enablement';
import { ApiError } from '../../api/client';
import { showServerErrors, useContractForm } from '../../components/forms';
import {
  CourseEditFields,
  courseFormValues,
  type CourseFormValues,
  courseUpdateFrom,
} from './course-edit-form';

const course: Course = {
  id: '01900000-0000-7000-8000-000000000001',
  title: 'Selling Acme',
  description: 'For resellers',
  segment: null,
  status: 'published',
  passingScore: 80,
  lessonCount: 2,
  questionCount: 1,
  lessonsCompleted: 0,
  completedAt: null,
  quizVersion: 1,
  version: 4,
  createdAt: '2026-11-01T10:00:00.000Z',
  bestScore: null,
  lessons: [
    {
      id: '01900000-0000-7000-8000-00000000000a',
      position: 0,
      title: 'The pitch',
      body: 'Lead with the outcome.',
      html: '',
      asset: null,
      completed: false,
    },
    {
      id: '01900000-0000-7000-8000-00000000000b',
      position: 1,
      title: 'The demo',
      body: 'Show it.',
      html: '',
      asset: null,
      completed: false,
    },
  ],
  questions: [
    {
      id: '01900000-0000-7000-8000-0000000000q1',
      position: 0,
      prompt: 'Lead with?',
      options: ['Features', 'The outcome'],
      correctOption: 1,
    },
  ],
};

// The edit form as the course page uses it; `send` stands for the request.
function Editing({ send }: { send: (body: UpdateCourseInput) => Promise<void> }) {
  const form = useContractForm<CourseFormValues>(updateCourseBody, courseFormValues(course));
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        send(courseUpdateFrom(v, null)).catch((error: unknown) =>
          setFormError(showServerErrors(form, error)),
        ),
      )}
    >
      <CourseEditFields form={form} assets={[]} />
      {formError && <p role="alert">{formError}</p>}
      <button type="submit">Save course</button>
    </form>
  );
}

function renderForm(send = vi.fn((_: UpdateCourseInput) => Promise.resolve())) {
  render(
    <MantineProvider env="test">
      <Editing send={send} />
    </MantineProvider>,
  );
  return send;
}

// Required inputs' labels end with an asterisk.
const input = (label: string) =>
  screen.getByLabelText(new RegExp(`^${label}\\s*\\*?$`), { selector: 'input, textarea' });

describe('the course edit form', () => {
  it('sends the course as edited: the version read, kept lessons by id in their new order, new ones without', async () => {
    const user = userEvent.setup();
    const send = renderForm();
    expect(input('Title')).toHaveProperty('value', 'Selling Acme');
    fireEvent.change(input('Title'), { target: { value: 'Selling Acme, 2nd edition' } });
    await user.click(screen.getByRole('button', { name: 'Move lesson 2 up' }));
    await user.click(screen.getByRole('button', { name: 'Add a lesson' }));
    const titles = screen.getAllByLabelText(/^Lesson title/, { selector: 'input' });
    fireEvent.change(titles[2]!, { target: { value: 'The close' } });
    await user.click(screen.getByRole('button', { name: 'Add an option' }));
    fireEvent.change(input('Question 1: option 3'), { target: { value: 'The price' } });
    await user.click(screen.getByRole('button', { name: 'Save course' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toEqual({
      version: 4,
      title: 'Selling Acme, 2nd edition',
      description: 'For resellers',
      passingScore: 80,
      segment: null,
      lessons: [
        { id: course.lessons[1]!.id, title: 'The demo', body: 'Show it.' },
        { id: course.lessons[0]!.id, title: 'The pitch', body: 'Lead with the outcome.' },
        { title: 'The close', body: '' },
      ],
      questions: [
        { prompt: 'Lead with?', options: ['Features', 'The outcome', 'The price'], correctOption: 1 },
      ],
    });
  });

  it('shows the contract’s rules on the fields and sends nothing', async () => {
    const user = userEvent.setup();
    const send = renderForm();
    fireEvent.change(input('Question'), { target: { value: '' } });
    fireEvent.change(screen.getAllByLabelText(/^Lesson title/, { selector: 'input' })[0]!, {
      target: { value: '' },
    });
    await user.click(screen.getByRole('button', { name: 'Save course' }));
    expect(send).not.toHaveBeenCalled();
    expect(input('Question').getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getAllByLabelText(/^Lesson title/, { selector: 'input' })[0]!.getAttribute('aria-invalid'),
    ).toBe('true');
  });

  it('places the server’s field errors on the inputs they name', async () => {
    const user = userEvent.setup();
    renderForm(
      vi.fn(() =>
        Promise.reject(
          new ApiError({
            type: 'https://partnergraph.dev/problems/invalid',
            title: 'Invalid input',
            status: 400,
            errors: [{ path: 'body.lessons.1.title', message: 'Too close to another lesson' }],
          }),
        ),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Save course' }));
    expect(await screen.findByText('Too close to another lesson')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
